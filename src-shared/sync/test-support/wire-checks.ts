// What our wire conventions promise about a request body, as checks that the unit properties and
// the contract tests over HTTP share. Revnue: no null in a POST; in a PUT null only where theirs
// has a value, and nothing theirs has set left out (so a server that reads a missing key as
// "keep" and one that reads it as "empty" end up with the same record). R2: no null for a text.
import { r2AmountKeys, r2FlagKeys } from '../../connectors/r2/api';
import type { RevnueCustomerBody, RevnueCustomerRecord } from '../../connectors/revnue-v2/api';
import { isPlainObject } from '../values';

/**
 * Every place in a JSON value, by path (`contact_person.type`), list items by their `id` or
 * `recordid` when they have one (`template.fields[id=7].value`), else by index; the item's own
 * identity key is not listed.
 */
export function flatten(value: unknown, path = '', out = new Map<string, unknown>()) {
  if (path !== '') out.set(path, value);
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const identity = identityOf(item);
      const segment = identity ? `[${identity.key}=${String(identity.id)}]` : `[${index}]`;
      const itemPath = `${path}${segment}`;
      out.set(itemPath, item);
      if (!isPlainObject(item)) return;
      for (const [key, member] of Object.entries(item)) {
        if (key !== identity?.key) flatten(member, `${itemPath}.${key}`, out);
      }
    });
  } else if (isPlainObject(value)) {
    for (const [key, member] of Object.entries(value)) {
      flatten(member, path === '' ? key : `${path}.${key}`, out);
    }
  }
  return out;
}

function identityOf(item: unknown): { key: string; id: unknown } | undefined {
  if (!isPlainObject(item)) return undefined;
  for (const key of ['id', 'recordid', 'caption']) {
    if (typeof item[key] === 'string' || typeof item[key] === 'number')
      return { key, id: item[key] };
  }
  return undefined;
}

/** Every path whose value is null. */
export function nullPaths(value: unknown): string[] {
  return [...flatten(value)].filter(([, member]) => member === null).map(([path]) => path);
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Paths where a Revnue PUT body has null although theirs has nothing there to clear. */
export function nullsWithoutTheirs(
  body: RevnueCustomerBody,
  theirs: RevnueCustomerRecord,
): string[] {
  const known = flatten(theirs);
  return nullPaths(body).filter((path) => !isSet(known.get(path)));
}

/**
 * Paths theirs has set that a Revnue PUT body leaves out: a server that keeps what is left out
 * would keep them. Not counted: anything under a part the body clears (null) and the fields of
 * another template than the one the body sends (they are not this template's to clear).
 */
export function theirsLeftOut(body: RevnueCustomerBody, theirs: RevnueCustomerRecord): string[] {
  const { id: _id, ...fields } = theirs;
  const sent = flatten(body);
  const cleared = [...sent].filter(([, value]) => value === null).map(([path]) => path);
  const sameTemplate = body.template?.id === theirs.template?.id;
  return [...flatten(fields)]
    .filter(([path, value]) => isSet(value) && !sent.has(path))
    .map(([path]) => path)
    .filter(
      (path) =>
        !cleared.some(
          (prefix) => /^[.[]/.test(path.slice(prefix.length)) && path.startsWith(prefix),
        ),
    )
    .filter((path) => sameTemplate || !path.startsWith('template.fields'));
}

/** R2 fields whose type has no empty value (dates, numbers, flags, list choices but synchronizer2). */
const r2ClearedWithNull = new Set<string>([
  'insuranceexpdate',
  'glaccount',
  ...r2AmountKeys,
  ...r2FlagKeys,
  'isprimarycontact',
  'type',
  'category',
  'customertype',
  'customerstatus',
  'defaultpayat',
  'billable',
  'phase',
]);

/**
 * Paths where an R2 body has null for a field whose type has an empty value of its own: a text
 * ('' ), an address block (all ''), a list ([]) — or synchronizer2, which may not be cleared.
 */
export function r2NullsWithEmptyValue(body: unknown): string[] {
  return nullPaths(body).filter(
    (path) => !r2ClearedWithNull.has(path.slice(path.lastIndexOf('.') + 1)),
  );
}
