// fast-check arbitraries for what a compromised or buggy window could send over IPC: JSON-ish
// values with prototype-pollution keys, huge strings, deep nesting, and near-misses of a valid
// payload (one key dropped, one value swapped for a hostile one, one key too many).
import fc from 'fast-check';

/** Keys that have broken JavaScript apps before: prototype pollution and shadowed builtins. */
export const pollutionKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'then',
] as const;

// Built once and shared: a fresh 5 MB string per run would cost more than the check itself.
const hugeString = 'x'.repeat(5_000_000);
const hugeUnicode = '\u{1F4A9}'.repeat(500_000);
const deepObject = nest(1_000, (inner) => ({ a: inner }));
const deepArray = nest(1_000, (inner) => [inner]);

function nest(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

/**
 * An object whose keys are OWN properties even when a key is `__proto__` (a literal or plain
 * assignment would set the prototype instead), which is what JSON.parse and structured clone do.
 */
export function objectOf(
  entries: readonly (readonly [string, unknown])[],
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

const key = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...pollutionKeys) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('connectionId', 'id', 'body', 'name', 'token', 'kind', 'filters'),
  },
);

const scalar = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(), // NaN, ±Infinity and -0 included
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'c1', '42', 'true', 'null', '../../etc/passwd'),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(new Uint8Array([1, 2, 3]), new Map([['a', 1]]), new Set([1]), /x/g),
);

/**
 * The expensive cases, rare on purpose: Electron structured-clones every payload, and cloning
 * 5 MB for every tenth value would make 10,000 runs a channel take minutes.
 */
const hugeValue = fc.constantFrom(hugeString, hugeUnicode, deepObject, deepArray);

/** Any structured-cloneable value, nested a few levels, with hostile keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(objectOf),
  ),
})).value;

const hostileOrHuge = fc.oneof(
  { weight: 30, arbitrary: hostileValue },
  { weight: 1, arbitrary: hugeValue },
);

type Path = readonly (string | number)[];

/** Every path into the containers of `value`, the root included. */
function containerPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const children = Object.entries(value).flatMap(([k, child]) =>
    containerPaths(child, [...path, Array.isArray(value) ? Number(k) : k]),
  );
  return [path, ...children];
}

function childKeys(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value) : [];
}

/** A deep copy where the container at `path` is rebuilt by `edit`. */
function editAt(value: unknown, path: Path, edit: (container: unknown) => unknown): unknown {
  if (path.length === 0) return edit(value);
  const [head, ...rest] = path;
  if (Array.isArray(value))
    return value.map((item, i) => (i === head ? editAt(item, rest, edit) : item));
  const object = value as Record<string, unknown>;
  return objectOf(
    Object.entries(object).map(([k, child]) => [k, k === head ? editAt(child, rest, edit) : child]),
  );
}

function rebuild(
  container: unknown,
  change: (entries: [string, unknown][]) => [string, unknown][],
) {
  if (Array.isArray(container))
    return change([...container.entries()].map(([i, v]) => [String(i), v])).map(([, v]) => v);
  return objectOf(change(Object.entries(container as object)));
}

type Mutation = 'replace' | 'drop' | 'add' | 'replace-root';

/** A near-miss of `seed`: one change at one place of its tree. Some happen to stay valid. */
export function nearMiss(seed: unknown): fc.Arbitrary<unknown> {
  const paths = containerPaths(seed);
  const kinds: Mutation[] =
    paths.length > 0 ? ['replace', 'drop', 'add', 'replace-root'] : ['replace-root'];
  return fc
    .tuple(fc.constantFrom(...kinds), fc.nat(), fc.nat(), key, hostileOrHuge)
    .map(([kind, pathPick, keyPick, newKey, newValue]) => {
      if (kind === 'replace-root') return newValue;
      const path = paths[pathPick % paths.length]!;
      return editAt(seed, path, (container) => {
        const keys = childKeys(container);
        const target = keys[keyPick % Math.max(keys.length, 1)];
        switch (kind) {
          case 'replace':
            return target === undefined
              ? newValue
              : rebuild(container, (entries) =>
                  entries.map(([k, v]) => [k, k === target ? newValue : v]),
                );
          case 'drop':
            return rebuild(container, (entries) => entries.filter(([k]) => k !== target));
          case 'add':
            return rebuild(container, (entries) => [
              ...entries,
              [Array.isArray(container) ? String(entries.length) : newKey, newValue],
            ]);
        }
      });
    });
}

/** Mostly near-misses of the channel's real input, then anything at all, then the input itself. */
export function payloadFor(seed: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: nearMiss(seed) },
    { weight: 1, arbitrary: hostileValue },
    {
      weight: 1,
      arbitrary: fc.constant(seed),
    },
  );
}
