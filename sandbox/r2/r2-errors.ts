// R2's error body: `{"errors":[{"field":"contacts[0].emailaddr","message":"..."}]}`; errors that
// concern no single field use field "".
import type { z } from 'zod';
import { formatIssuePath } from '../../src-shared/api/messages';
import { json, type SandboxResponse } from '../http/respond';

export interface R2FieldError {
  field: string;
  message: string;
}

export function r2Errors(
  status: number,
  errors: R2FieldError[],
  headers: Record<string, string> = {},
): SandboxResponse {
  return json(status, { errors }, headers);
}

export function r2Error(
  status: number,
  message: string,
  field = '',
  headers: Record<string, string> = {},
) {
  return r2Errors(status, [{ field, message }], headers);
}

export function r2ErrorsFromZod(error: z.ZodError): R2FieldError[] {
  return error.issues.map((issue) => ({
    field: formatIssuePath(issue.path),
    message: issue.message,
  }));
}
