// Revnue's error bodies are Django REST Framework's: `{"detail": "…"}` for everything but
// validation, and per-field lists for validation, nested like the body itself:
// `{"name": ["…"], "contact_person": {"email": ["…"]}}` → fields `name`, `contact_person.email`.
import { errorBodyFrom, type ParsedErrorBody } from '../../http/http-errors';

const MAX_TEXT = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collect(value: unknown, path: string, into: Record<string, string[]>) {
  if (typeof value === 'string') {
    (into[path] ??= []).push(value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      // A list of strings is the messages of one field; a list of objects is a nested list
      // serializer (one entry per item, `{}` for items without errors).
      collect(item, typeof item === 'string' ? path : `${path}[${index}]`, into);
    });
  } else if (isRecord(value)) {
    for (const [key, nested] of Object.entries(value)) {
      collect(nested, path === '' ? key : `${path}.${key}`, into);
    }
  }
}

export function parseRevnueErrorBody(body: unknown): ParsedErrorBody {
  if (typeof body === 'string') return { message: body.slice(0, MAX_TEXT) || undefined };
  if (Array.isArray(body)) {
    const texts = body.filter((item): item is string => typeof item === 'string');
    return texts.length > 0 ? { message: texts.join(' ') } : {};
  }
  if (!isRecord(body)) return {};
  const { detail, non_field_errors: nonField, ...rest } = body;
  const general: string[] = [];
  if (typeof detail === 'string') general.push(detail);
  if (Array.isArray(nonField)) general.push(...nonField.filter((m) => typeof m === 'string'));
  const fields: Record<string, string[]> = {};
  collect(rest, '', fields);
  return errorBodyFrom(general, fields);
}
