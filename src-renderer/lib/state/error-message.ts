// Turns the error half of a Result into one sentence for the screen. Main already words its
// messages for a salesperson; this adds the per-field details and a retry hint when it has them.
import type { AppError } from '../../../src-shared/ipc/result';

export function describeError(error: AppError): string {
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
