// A list limited to some customers (the Favourites and Recently opened views): the index's answer
// for the search, filters and sort, kept only for the given keys — in the sort's order, or in the
// keys' own order (most recently opened first). One pass over the answer, a Set lookup per doc.
import type { KeyScope } from './search-types';

interface KeyedDocs {
  key(doc: number): string | undefined;
}

export function withinScope(
  index: KeyedDocs,
  docs: Int32Array,
  scope: KeyScope | null | undefined,
): Int32Array {
  if (!scope) return docs;
  const position = new Map(scope.keys.map((key, at) => [key, at]));
  const kept: number[] = [];
  const placed: (number | undefined)[] = [];
  for (const doc of docs) {
    const key = index.key(doc);
    const at = key === undefined ? undefined : position.get(key);
    if (at === undefined) continue;
    if (scope.keepOrder) placed[at] = doc;
    else kept.push(doc);
  }
  return Int32Array.from(scope.keepOrder ? placed.filter((doc) => doc !== undefined) : kept);
}
