// R2's error bodies: `{"errors":[{"field","message"}]}` (our convention; the API document leaves
// them out). An entry without a field is a general message; anything else falls back to the raw
// text.
import { errorBodyFrom, type ParsedErrorBody } from '../../http/http-errors';

const MAX_TEXT = 300;

export function parseR2ErrorBody(body: unknown): ParsedErrorBody {
  if (typeof body === 'string') return { message: body.slice(0, MAX_TEXT) || undefined };
  if (typeof body !== 'object' || body === null) return {};
  const record = body as { errors?: unknown; message?: unknown };
  const general: string[] = typeof record.message === 'string' ? [record.message] : [];
  const fields: Record<string, string[]> = {};
  if (Array.isArray(record.errors)) {
    for (const entry of record.errors as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { field, message } = entry as { field?: unknown; message?: unknown };
      if (typeof message !== 'string') continue;
      if (typeof field === 'string' && field !== '') (fields[field] ??= []).push(message);
      else general.push(message);
    }
  }
  return errorBodyFrom(general, fields);
}
