// Typed paths: a field the record lacks does not compile (`npm run typecheck` fails if an
// expected type error below stops being one), and the builders produce the layout they are given.
import { describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from './r2/api';
import type { RevnueCustomerRecord } from './revnue-v2/api';
import { editorFor, labelsFor, type ListPathOf, type PathOf } from './field-paths';

describe('typed field paths', () => {
  test('nested paths and list paths of a record type', () => {
    const paths: PathOf<R2CustomerRecord>[] = ['companyname', 'address.city', 'contacts'];
    const lists: ListPathOf<RevnueCustomerRecord>[] = ['template.fields'];
    // @ts-expect-error — no such field
    const misspelt: PathOf<R2CustomerRecord> = 'adress.city';
    // @ts-expect-error — a list's items are named relative to the item, in a repeat section
    const intoList: PathOf<R2CustomerRecord> = 'contacts.firstname';
    // @ts-expect-error — a text field is not a list
    const notList: ListPathOf<R2CustomerRecord> = 'companyname';
    // The checks above are the compiler's; at runtime the values are plain strings.
    expect([...paths, ...lists, misspelt, intoList, notList]).toEqual([
      'companyname',
      'address.city',
      'contacts',
      'template.fields',
      'adress.city',
      'contacts.firstname',
      'companyname',
    ]);
  });

  test('labelsFor accepts the record keys only', () => {
    const labels = labelsFor<R2CustomerRecord>()({ companyname: 'Company name' });
    // @ts-expect-error — misspelt key
    labelsFor<R2CustomerRecord>()({ compnyname: 'Company name' });
    expect(labels).toEqual({ companyname: 'Company name' });
  });

  test('a repeat section names its list and its fields relative to one item', () => {
    const b = editorFor<R2CustomerRecord>();
    const section = b.repeat('contacts', 'contacts', 'Contacts', (contact) => ({
      fields: [contact.field('emailaddr', 'Email', 'email')],
      sections: [
        contact.repeat('udfs', 'contact-udfs', 'Custom fields', (udf) => ({
          // @ts-expect-error — a udf has a caption and a value, nothing else
          fields: [udf.field('value', 'Value', 'text'), udf.field('name', 'Name', 'text')],
        })),
      ],
    }));
    expect(section).toEqual({
      id: 'contacts',
      label: 'Contacts',
      repeat: 'contacts',
      fields: [{ path: 'emailaddr', label: 'Email', input: 'email' }],
      sections: [
        {
          id: 'contact-udfs',
          label: 'Custom fields',
          repeat: 'udfs',
          fields: [
            { path: 'value', label: 'Value', input: 'text' },
            { path: 'name', label: 'Name', input: 'text' },
          ],
        },
      ],
    });
  });
});
