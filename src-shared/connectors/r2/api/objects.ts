// Tiny object helpers for the R2 mappings: keep "absent" absent, because `{a: undefined}` and `{}`
// (or `{a: null}`) would otherwise differ in the store and show up as false changes in diffs.

type Plain = Record<string, unknown>;

/** Drops members that are undefined (shallow). Same keys minus absent ones: still a T. */
export function dropUndefined<T extends object>(value: T): T {
  const out: Plain = {};
  for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = member;
  return out as T;
}

/** Drops members that are undefined or null (shallow). */
export function withoutEmpty<T extends object>(value: T): T {
  const out: Plain = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined && member !== null) out[key] = member;
  }
  return out as T;
}
