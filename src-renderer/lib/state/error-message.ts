// Turns any error into one sentence for the screen: the error half of a Result (main already words
// its messages for a salesperson; this adds the per-field details and a retry hint when it has
// them), or anything thrown (its message, never "[object Object]"). Every screen and the sync
// engine word their errors through describeError, so one failure reads the same everywhere.
import type { AppError } from '../../../src-shared/ipc/result';

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || String(error);
  if (!isAppError(error)) return String(error);
  const parts = [error.message.trim()];
  for (const [field, messages] of Object.entries(error.fields ?? {})) {
    // Main words a body without a general message as its first field's ("name: …"): once is enough.
    const line = `${field}: ${messages.join(' ')}`;
    if (line === parts[0]) continue;
    for (const message of messages) parts.push(`${field}: ${message}`);
  }
  if (error.kind === 'rate_limited' && error.retryAfterMs !== undefined) {
    parts.push(`Fieldbook tries again in ${Math.ceil(error.retryAfterMs / 1000)} s.`);
  }
  return parts.filter((part) => part.length > 0).join(' ');
}

/** The error half of a Result (or an outbox entry's lastError): a kind and a message in words. */
function isAppError(error: unknown): error is AppError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { kind?: unknown }).kind === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
