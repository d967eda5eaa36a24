// A shape descriptor tells the generic diff/merge/coalesce which parts of a connector's record are
// nested blocks, which are lists with identity, and which fields are read-only (never diffed or sent).
import { isItemId, segmentsOf, type FieldPath, type ItemSelector } from './field-path';
import { isPlainObject, type PlainObject } from './values';

/** A field compared as one value (strings, numbers, booleans — and anything not described). */
export interface ValueShape {
  readonly kind: 'value';
}

export interface ObjectShape {
  readonly kind: 'object';
  /** Nested blocks and lists; a field not listed here is a value. */
  readonly fields: Readonly<Record<string, Shape>>;
  /** Server-owned fields: never diffed or sent; a merge always takes theirs. */
  readonly readOnly: readonly string[];
  /** How a partial update (R2 PATCH) sends a change inside this block: the whole block, or just the changed fields. */
  readonly patch: 'whole' | 'fields';
  /** Display labels for formatPath, by field name. */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * Keys that decide what the rest of the block means (Revnue: `template.id` — the field values
   * belong to that template). When one of them differs, the block changed as a WHOLE: one change,
   * so a switch on one side and an edit inside on the other is one conflict on the block.
   */
  readonly replaceWhenChanged: readonly string[];
  /**
   * What a partial update sends to clear a field, where its type has an empty value of its own:
   * '' for a text, a block of empty texts, [] for a list. A field not named here is cleared with
   * null (dates, numbers, flags, choices from a list: nothing of their type means "empty").
   */
  readonly clearWith: Readonly<Record<string, unknown>>;
}

export interface ListShape {
  readonly kind: 'list';
  /**
   * Keys that identify an item, in priority order: an item is identified by the first one it has
   * (R2 contacts: the server's `recordid`, else the client's `localKey`). Identity keys are never
   * diffed or sent as changes.
   */
  readonly identity: readonly string[];
  readonly item: ObjectShape;
  /** How a partial update sends a change inside this list: the whole list, or only the changed items. */
  readonly patch: 'whole' | 'items';
  /** A short human name for an item (formatPath), e.g. a contact's full name. */
  readonly itemLabel?: (item: PlainObject) => string | undefined;
  /** Display name of one item, e.g. "Contact". */
  readonly itemNoun: string;
}

export type Shape = ValueShape | ObjectShape | ListShape;

export const valueShape: ValueShape = { kind: 'value' };

export function objectShape(
  fields: Record<string, Shape> = {},
  options: Partial<
    Pick<ObjectShape, 'readOnly' | 'patch' | 'labels' | 'replaceWhenChanged' | 'clearWith'>
  > = {},
): ObjectShape {
  return {
    kind: 'object',
    fields,
    readOnly: options.readOnly ?? [],
    patch: options.patch ?? 'fields',
    labels: options.labels ?? {},
    replaceWhenChanged: options.replaceWhenChanged ?? [],
    clearWith: options.clearWith ?? {},
  };
}

/** The value a partial update sends to clear `field` of `shape` (see `clearWith`). */
export function clearValueOf(shape: ObjectShape, field: string): unknown {
  return field in shape.clearWith ? structuredClone(shape.clearWith[field]) : null;
}

export function listShape(
  identity: readonly string[],
  item: ObjectShape,
  options: Partial<Pick<ListShape, 'patch' | 'itemLabel' | 'itemNoun'>> = {},
): ListShape {
  return {
    kind: 'list',
    identity,
    item,
    patch: options.patch ?? 'whole',
    itemNoun: options.itemNoun ?? 'Item',
    ...(options.itemLabel ? { itemLabel: options.itemLabel } : {}),
  };
}

export function fieldShape(shape: ObjectShape, field: string): Shape {
  return shape.fields[field] ?? valueShape;
}

/** The shape of the value at `path` (a value shape where the descriptor says nothing more). */
export function shapeAt(shape: Shape, path: FieldPath): Shape {
  let current = shape;
  for (const segment of segmentsOf(path)) {
    if (typeof segment === 'string') {
      current = current.kind === 'object' ? fieldShape(current, segment) : valueShape;
    } else {
      current = current.kind === 'list' ? current.item : valueShape;
    }
  }
  return current;
}

/** The selector that identifies `item`, or null when it carries none of the identity keys. */
export function identityOf(list: ListShape, item: unknown): ItemSelector | null {
  if (!isPlainObject(item)) return null;
  for (const key of list.identity) {
    const id = item[key];
    if (isItemId(id)) return { key, id };
  }
  return null;
}

export interface IdentifiedItem {
  readonly selector: ItemSelector;
  readonly item: PlainObject;
}

/**
 * The items of a list keyed by identity, or null when some item has no identity or two share one
 * — such a list cannot be matched item by item and is compared whole instead.
 */
export function itemsByIdentity(
  list: ListShape,
  items: unknown,
): Map<string, IdentifiedItem> | null {
  if (!Array.isArray(items)) return null;
  const byId = new Map<string, IdentifiedItem>();
  for (const item of items) {
    const selector = identityOf(list, item);
    if (!selector || !isPlainObject(item)) return null;
    const key = `${selector.key}=${JSON.stringify(selector.id)}`;
    if (byId.has(key)) return null;
    byId.set(key, { selector, item });
  }
  return byId;
}
