// Turns a zod error on an IPC payload into the `validation` Result the renderer shows per field.
import type { z } from 'zod';
import { formatIssuePath } from '../../src-shared/api/messages';
import { fail, type Result } from '../../src-shared/ipc/result';

const shownInMessage = 3;

export function validationFailure(error: z.ZodError): Result<never> {
  const fields: Record<string, string[]> = {};
  const lines: string[] = [];
  for (const issue of error.issues) {
    // `body` wraps the record being saved; its fields are keyed as the editor names them
    // (`contacts[0].emailaddr`), the same keys a connector uses for the server's own 400s.
    const path = issue.path[0] === 'body' ? issue.path.slice(1) : issue.path;
    const key = formatIssuePath(path);
    if (key !== '') (fields[key] ??= []).push(issue.message);
    lines.push(key === '' ? issue.message : `${key}: ${issue.message}`);
  }
  const more = lines.length - shownInMessage;
  const message =
    'Please check: ' +
    lines.slice(0, shownInMessage).join('; ') +
    (more > 0 ? ` (and ${more} more)` : '');
  return fail('validation', message, Object.keys(fields).length > 0 ? { fields } : {});
}
