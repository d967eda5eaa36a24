// Field paths for people: `contacts[recordid=C-17].address.city` reads "Contact Jane Doe › Address
// › City" in the conflict resolver and in validation messages.
import { getAt } from './apply';
import { parsePath, pathFromSegments, ROOT_PATH, type FieldPath } from './field-path';
import { fieldShape, valueShape, type Shape } from './shape';
import { isPlainObject } from './values';

/**
 * A display name for `path`. With the connector's shape, fields get their labels and list items
 * their noun; with the record too, items get their own name (a contact's full name, a udf's caption).
 */
export function formatPath(path: FieldPath, shape: Shape = valueShape, record?: unknown): string {
  if (path === ROOT_PATH) return 'The whole record';
  const segments = parsePath(path);
  if (!segments) return path;
  const parts: string[] = [];
  let current: Shape = shape;
  segments.forEach((segment, index) => {
    if (typeof segment === 'string') {
      parts.push(
        current.kind === 'object'
          ? (current.labels[segment] ?? humanize(segment))
          : humanize(segment),
      );
      current = current.kind === 'object' ? fieldShape(current, segment) : valueShape;
      return;
    }
    const item = getAt(record, pathFromSegments(segments.slice(0, index + 1)));
    if (current.kind !== 'list') {
      parts.pop();
      parts.push(`${humanize(segment.key)} ${segment.id}`);
      return;
    }
    const name = isPlainObject(item) ? current.itemLabel?.(item) : undefined;
    parts.pop(); // "Contacts › Contact Jane Doe" says the list twice; the item noun is enough
    parts.push(`${current.itemNoun} ${name?.trim() || String(segment.id)}`);
    current = current.item;
  });
  return parts.join(' › ');
}

/** `zip_postal_code` → "Zip postal code"; `emailaddr` stays "Emailaddr" unless the shape labels it. */
function humanize(name: string): string {
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
