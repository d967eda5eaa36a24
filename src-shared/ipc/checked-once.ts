// An IPC answer is checked against the contract's output schema before it crosses to the window.
// When a handler already produced the answer by parsing a server's body with that very schema,
// the router's check would walk the same value a second time and find nothing new: a zod schema
// without transforms accepts its own output unchanged (the property test in checked-once.test.ts
// holds the contract's paged schemas to that). For a 500-row R2 page that second walk was ~3 ms
// of main's CPU per page (docs/performance.md, "Main's share of a page").
//
// So a parse can vouch for its output, and the router accepts a vouched value as it is — only
// for the same schema object, and only for the object the parse returned. Vouch only for a
// value that goes to the router untouched (nothing may change it in between).
import type { z } from 'zod';

const producedBy = new WeakMap<object, z.ZodType>();

/** `schema.safeParse(input)`; a successful object output is remembered as `schema`'s own. */
export function parseVouched<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success && typeof parsed.data === 'object' && parsed.data !== null)
    producedBy.set(parsed.data, schema);
  return parsed;
}

/** `schema.safeParse(value)`, except that a value `schema` itself produced is accepted as is. */
export function checkOnce<S extends z.ZodType>(
  schema: S,
  value: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  if (typeof value === 'object' && value !== null && producedBy.get(value) === schema)
    return { success: true, data: value as z.output<S> };
  return schema.safeParse(value);
}
