// Reordering every identity list of a record (contacts, udfs, custom fields): a change that the
// sync rules say is no change at all.
import { fieldShape, itemsByIdentity, type Shape } from '../shape';
import { isPlainObject } from '../values';

/** A copy of `value` with each identity list shuffled by a small seeded generator. */
export function reorderIdentityLists(shape: Shape, value: unknown, seed: number): unknown {
  const random = mulberry32(seed);
  const visit = (current: Shape, node: unknown): unknown => {
    if (current.kind === 'list' && Array.isArray(node)) {
      const items = node.map((item) => visit(current.item, item));
      if (!itemsByIdentity(current, node)) return items;
      for (let index = items.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random() * (index + 1));
        [items[index], items[other]] = [items[other], items[index]];
      }
      return items;
    }
    if (current.kind === 'object' && isPlainObject(node)) {
      return Object.fromEntries(
        Object.entries(node).map(([key, member]) => [key, visit(fieldShape(current, key), member)]),
      );
    }
    return node;
  };
  return visit(shape, value);
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
