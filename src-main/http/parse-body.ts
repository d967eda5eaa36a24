// Every response body is parsed with the API's zod schema before anything uses it: a server that
// answers something unexpected gives a `bad_response` Result, never a crash deeper in the app.
import type { z } from 'zod';
import { fail, ok, type Result } from '../../src-shared/ipc/result';

export function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  what: string,
): Result<z.output<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return fail(
    'bad_response',
    `The server sent ${what} Fieldbook does not understand${where}: ${first?.message ?? 'invalid'}.`,
  );
}
