// The Result every IPC operation answers with (docs/ipc.md): main never throws across IPC, it says
// what went wrong in one of a fixed set of kinds the renderer knows how to show and retry.
import { z } from 'zod';

export const errorKinds = [
  'validation',
  'conflict',
  'not_found',
  'auth',
  'rate_limited',
  'network',
  'server',
  'bad_response',
] as const;

export const errorKindSchema = z.enum(errorKinds);
export type ErrorKind = z.infer<typeof errorKindSchema>;

export const appErrorSchema = z.object({
  kind: errorKindSchema,
  status: z.number().int().optional(),
  message: z.string(),
  /** Per-field messages keyed by field path, e.g. `contacts[0].emailaddr`. */
  fields: z.record(z.string(), z.array(z.string())).optional(),
  retryAfterMs: z.number().nonnegative().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  kind: ErrorKind,
  message: string,
  extra: Omit<AppError, 'kind' | 'message'> = {},
): Result<never> {
  return { ok: false, error: { kind, message, ...extra } };
}

/** The zod schema of a Result whose value is described by `value`. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);
}
