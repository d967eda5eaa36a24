// Which columns a CSV has and what their cells say: the list's columns (all of them, then the
// badge), or every field of the editor layout with repeat groups one line per item, labels made
// unique by their sections, and R2 summaries marked, never filled in.
import { describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { r2Descriptor, revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerRow } from '../db/rows';
import { allFieldColumns, viewColumns } from './export-columns';
import { textOfRows } from './export-text';

const r2 = r2Descriptor as ConnectorDescriptor<unknown>;

function row(record: unknown, hydration: 'full' | 'summary' = 'full'): CustomerRow {
  return {
    connectionId: 'c1',
    key: 'R-1',
    serverId: 'R-1',
    record,
    base: record,
    remote: null,
    hydration,
    syncState: 'synced',
    opened: false,
    fieldErrors: null,
    updatedAt: 1,
  };
}

const acme: R2CustomerRecord = {
  companyname: 'Acme Rentals',
  customerid: 'C-1',
  billable: 'Bill',
  address: { city: 'Leeds', country: 'UK' },
  billingaddress: { city: 'York' },
  contacts: [
    {
      recordid: 'P-1',
      firstname: 'Jane',
      lastname: 'Doe',
      emailaddr: 'jane@acme.example',
      address: { city: 'Hull' },
      udfs: [
        { caption: 'Shoe', value: '41' },
        { caption: 'Car', value: 'van' },
      ],
    },
    { recordid: 'P-2', firstname: 'Sam', lastname: 'Roe' },
  ],
} as R2CustomerRecord;

const cell = (columns: ReturnType<typeof allFieldColumns>, id: string, record: unknown) =>
  columns.find((column) => column.id === id)!.value(row(record));

describe('the list columns', () => {
  test('every list column of the descriptor, then the sync state', () => {
    const columns = viewColumns(r2, {});
    expect(columns.map((c) => c.label)).toEqual([
      ...r2Descriptor.listColumns.map((c) => c.label),
      'Sync state',
    ]);
    expect(columns.map((c) => c.value(row(acme)))).toEqual([
      ...r2Descriptor.listColumns.map((c) => c.value(acme, {})),
      'Synced',
    ]);
    expect(columns.at(-1)!.value(row(acme, 'summary'))).toBe('Not downloaded');
  });
});

describe('all fields', () => {
  const columns = allFieldColumns(r2, {});

  test('dotted paths; labels unique, prefixed by their sections only when they clash', () => {
    const ids = columns.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const labels = columns.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    const label = (id: string) => columns.find((c) => c.id === id)?.label;
    expect(label('companyname')).toBe('Company name');
    expect(label('address.city')).toBe('Address › City');
    expect(label('billingaddress.city')).toBe('Billing address › City');
    expect(label('contacts.firstname')).toBe('First name');
    expect(label('contacts.address.city')).toBe('Contacts › Address › City');
  });

  test('repeat groups: one line per item; a repeat inside a repeat joined on its line', () => {
    expect(cell(columns, 'companyname', acme)).toBe('Acme Rentals');
    expect(cell(columns, 'billingaddress.city', acme)).toBe('York');
    expect(cell(columns, 'contacts.firstname', acme)).toBe('Jane\nSam');
    expect(cell(columns, 'contacts.emailaddr', acme)).toBe('jane@acme.example\n');
    expect(cell(columns, 'contacts.address.city', acme)).toBe('Hull\n');
    expect(cell(columns, 'contacts.udfs.caption', acme)).toBe('Shoe; Car\n');
    expect(cell(columns, 'contacts.udfs.value', acme)).toBe('41; van\n');
  });

  test('an R2 summary is marked as such and nothing is made up for what it lacks', () => {
    expect(columns[0]!.label).toBe('Complete record');
    expect(columns[0]!.value(row(acme))).toBe('Yes');
    const summary = { companyname: 'Beta', contacts: [{ firstname: 'Al' }] };
    expect(columns[0]!.value(row(summary, 'summary'))).toBe(
      'No: not downloaded yet, only the list columns are known',
    );
    expect(cell(columns, 'billingaddress.city', summary)).toBe('');
    expect(cell(columns, 'creditlimit', summary)).toBe('');
  });

  test('Revnue: choices by their names, no completeness column, custom fields as Name: value', () => {
    const lookups = {
      countries: [{ id: 276, name: 'Germany' }],
      categories: [{ id: 3, name: 'Key account' }],
      templates: [{ id: 9, name: 'Std', fields: [{ id: 1, name: 'Fleet', type: 'number' }] }],
    };
    const revnue = allFieldColumns(revnueDescriptor as ConnectorDescriptor<unknown>, lookups);
    expect(revnue.some((c) => c.id === 'complete')).toBe(false);
    const record = {
      name: 'Globex',
      country: 276,
      category: 3,
      nda_signed: true,
      template: { id: 9, fields: [{ id: 1, value: 12 }] },
    };
    expect(cell(revnue, 'country', record)).toBe('Germany');
    expect(cell(revnue, 'category', record)).toBe('Key account');
    expect(cell(revnue, 'nda_signed', record)).toBe('Yes');
    expect(cell(revnue, 'template.fields', record)).toBe('Fleet: 12');
  });
});

describe('the vCard text of rows', () => {
  test('one card per R2 contact, the company as ORG; a customer without contacts is one card', () => {
    const text = textOfRows({ format: 'vcard', descriptor: r2, lookups: {} }, [
      row(acme),
      row({ companyname: 'Solo Ltd', phonenumber: '0113 1' }),
    ]);
    const cards = text.split('END:VCARD\r\n').filter(Boolean);
    expect(cards).toHaveLength(3);
    expect(cards[0]).toContain('FN:Jane Doe\r\nN:Doe;Jane;;;\r\nORG:Acme Rentals\r\n');
    expect(cards[0]).toContain('ADR;TYPE=work:;;;Hull;;;\r\n');
    // Sam has no address of his own: the company's.
    expect(cards[1]).toContain('ADR;TYPE=work:;;;Leeds;;;UK\r\n');
    expect(cards[2]).toContain('FN:Solo Ltd\r\n');
    expect(cards[2]).toContain('TEL;TYPE=work:0113 1\r\n');
  });
});
