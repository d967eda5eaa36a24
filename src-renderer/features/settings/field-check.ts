// One field's message from a zod schema, for validation as the user types: the schema's own
// words (connection.ts), or '' when the value passes.
import type { z } from 'zod';
import { baseUrlSchema, connectionNameSchema } from '../../../src-shared/connection-parts';

export function messageOf(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  return parsed.success ? '' : (parsed.error.issues[0]?.message ?? 'This value is not valid');
}

/** The same rules main applies when the connection is saved. */
export { baseUrlSchema, connectionNameSchema };
