// A row waiting to be indexed, as one string: the feed may hold 1,000,000 of them (as bytes, in
// text-arena.ts) until the list's first load is complete, and an object with three arrays and
// seven strings per row cost about 450 bytes each (bench/lab/duplicate-memory.ts). Each field is
// written as its length, a colon and its text, so any character a salesperson types survives
// the round trip.
import type { DuplicateFields } from './fields';

export function packFields(fields: DuplicateFields): string {
  const parts: string[] = [];
  const put = (text: string) => parts.push(`${text.length}:`, text);
  put(fields.name);
  put(fields.customerNumber);
  put(fields.addressLine);
  put(fields.city);
  for (const list of [fields.phones, fields.emails, fields.websites]) {
    parts.push(`${list.length}:`);
    for (const text of list) put(text);
  }
  return parts.join('');
}

export function unpackFields(packed: string): DuplicateFields {
  let at = 0;
  const number = () => {
    const colon = packed.indexOf(':', at);
    const value = Number(packed.slice(at, colon));
    at = colon + 1;
    return value;
  };
  const text = () => {
    const length = number();
    at += length;
    return packed.slice(at - length, at);
  };
  const list = () => Array.from({ length: number() }, text);
  const name = text();
  const customerNumber = text();
  const addressLine = text();
  const city = text();
  const phones = list();
  const emails = list();
  const websites = list();
  return { name, customerNumber, phones, emails, websites, addressLine, city };
}
