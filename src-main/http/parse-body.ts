// Every response body is parsed with the API's zod schema before anything uses it: a server that
// answers something unexpected gives a `bad_response` Result, never a crash deeper in the app.
import type { z } from 'zod';
import { parseVouched } from '../../src-shared/ipc/checked-once';
import { fail, ok, type Result } from '../../src-shared/ipc/result';

export function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  what: string,
): Result<z.output<S>> {
  return resultOf(schema.safeParse(body), what);
}

/**
 * `parseBody` for an IPC answer built around the body (R2's list: `{ rows: body, total }`) and
 * parsed with the contract's own output schema, so that the router need not walk it again
 * (src-shared/ipc/checked-once.ts). Messages name places in the body: `bodyKey` is the answer's
 * member that holds it ("at 3.createddate", as `parseBody` of the body alone says).
 */
export function parseAnswer<S extends z.ZodType>(
  schema: S,
  answer: unknown,
  what: string,
  bodyKey: string,
): Result<z.output<S>> {
  return resultOf(parseVouched(schema, answer), what, bodyKey);
}

function resultOf<T>(parsed: z.ZodSafeParseResult<T>, what: string, bodyKey?: string): Result<T> {
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  const path = first && first.path[0] === bodyKey ? first.path.slice(1) : (first?.path ?? []);
  const where = path.length > 0 ? ` at ${path.join('.')}` : '';
  return fail(
    'bad_response',
    `The server sent ${what} Fieldbook does not understand${where}: ${first?.message ?? 'invalid'}.`,
  );
}
