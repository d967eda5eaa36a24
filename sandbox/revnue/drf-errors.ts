// Django REST Framework's error bodies: `{"detail": "..."}` for everything but validation, and
// for validation the serializer's nested shape — `{"name": ["..."]}`, nested objects for nested
// serializers, lists (with `{}` for valid items) for list fields, `non_field_errors` at the root.
import type { z } from 'zod';
import { json, type SandboxResponse } from '../http/respond';

export type DrfErrors = { [key: string]: DrfErrors | string[] | DrfErrors[] };

export function detail(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): SandboxResponse {
  return json(status, { detail: message }, headers);
}

export function fieldErrors(errors: DrfErrors): SandboxResponse {
  return json(400, errors);
}

/** Adds one message at a path like ['template', 'fields', 1, 'value']. */
export function addFieldError(
  errors: DrfErrors,
  path: readonly PropertyKey[],
  message: string,
): void {
  const keys = path.length === 0 ? ['non_field_errors'] : path;
  let node: DrfErrors | DrfErrors[] = errors;
  keys.forEach((key, index) => {
    const last = index === keys.length - 1;
    const nextIsIndex = typeof keys[index + 1] === 'number';
    if (Array.isArray(node)) {
      const position = Number(key);
      while (node.length <= position) node.push({});
      node = node[position] as DrfErrors;
      return;
    }
    const name = String(key);
    if (last) {
      const existing = node[name];
      node[name] = [...(Array.isArray(existing) ? (existing as string[]) : []), message];
      return;
    }
    node[name] ??= nextIsIndex ? [] : {};
    node = node[name] as DrfErrors | DrfErrors[];
  });
}

export function drfErrorsFromZod(error: z.ZodError): DrfErrors {
  const errors: DrfErrors = {};
  for (const issue of error.issues) addFieldError(errors, issue.path, issue.message);
  return errors;
}
