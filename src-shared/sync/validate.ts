// Schema validation with messages keyed by field path, so a rejected value is shown on the field
// (and the contact) it belongs to, not at an array index that reordering would make meaningless.
import { childPath, ROOT_PATH, type FieldPath } from './field-path';
import { fieldShape, identityOf, valueShape, type Shape } from './shape';
import { isPlainObject } from './values';

/** Messages per field path, the same layout as AppError.fields. */
export type FieldErrors = Record<FieldPath, string[]>;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** What we need of a schema (a zod schema fits): parse unknown input, report issues with paths. */
export interface RecordSchema<O = unknown> {
  safeParse(data: unknown):
    | { success: true; data: O }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
}

/** `record` itself when `schema` accepts it (validation as a gate: nothing is rewritten). */
export function validateWith<T>(shape: Shape, schema: RecordSchema, record: T): Validated<T> {
  const parsed = parseWith(shape, schema, record, record);
  return parsed.ok ? { ok: true, value: record } : parsed;
}

/**
 * `schema`'s output for `input`, or its issues keyed by field path. `layout` is the record whose
 * lists name the items at each index of `input` (the record itself, or the record it was mapped
 * from item for item).
 */
export function parseWith<O>(
  shape: Shape,
  schema: RecordSchema<O>,
  input: unknown,
  layout: unknown,
): Validated<O> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    addError(errors, fieldPathOfIssue(shape, layout, issue.path), issue.message);
  }
  return { ok: false, errors };
}

export function addError(errors: FieldErrors, path: FieldPath, message: string): void {
  (errors[path] ??= []).push(message);
}

/**
 * A schema issue path (`['contacts', 2, 'emailaddr']`) as a field path
 * (`contacts[recordid=C-17].emailaddr`). Where an item has no identity the message goes to the
 * list itself.
 */
export function fieldPathOfIssue(
  shape: Shape,
  record: unknown,
  issuePath: readonly PropertyKey[],
): FieldPath {
  let path = ROOT_PATH;
  let current: Shape = shape;
  let value = record;
  for (const key of issuePath) {
    if (typeof key === 'number' && current.kind === 'list') {
      const item: unknown = Array.isArray(value) ? value[key] : undefined;
      const selector = identityOf(current, item);
      if (!selector) return path;
      path = childPath(path, selector);
      current = current.item;
      value = item;
    } else if (typeof key === 'string') {
      path = childPath(path, key);
      current = current.kind === 'object' ? fieldShape(current, key) : valueShape;
      value = isPlainObject(value) ? value[key] : undefined;
    } else {
      return path;
    }
  }
  return path;
}
