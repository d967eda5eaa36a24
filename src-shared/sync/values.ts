// Structural helpers over plain JSON-like values. Records are compared as data: a key whose value
// is `undefined` is the same as a missing key, because neither survives JSON or IndexedDB.

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Deep equality of JSON-like values; list order counts here (identity lists are handled by diff). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = new Set([...definedKeys(a), ...definedKeys(b)]);
  for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
  return true;
}

/** Keys whose value is not `undefined`, in insertion order. */
export function definedKeys(object: PlainObject): string[] {
  return Object.keys(object).filter((key) => object[key] !== undefined);
}

/** A deep copy that callers may mutate; `undefined` stays `undefined`. */
export function cloneValue<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
