// The R2 descriptor: natural key, identities before storing, a blank record, validation keyed by
// contact, renames after a create, the list's view of a record, and a copy to re-create.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { rowsOf } from '../../../sandbox/r2/list-rows';
import {
  isoToR2DateTime,
  r2CustomerSchema,
  r2CustomerSummariesFromRows,
  r2RecordFromSummary,
  r2RecordFromWire,
  type R2ContactRecord,
  type R2Customer,
  type R2CustomerRecord,
} from './api';
import { merge } from '../../sync/merge';
import { r2Record } from '../../sync/test-support/r2-arbitraries';
import { propertyParams } from '../../sync/test-support/fc-params';
import { descriptorFor } from '../index';
import { r2Descriptor as r2 } from './descriptor';
import { r2ForRecreate } from './record-views';

const jane: R2ContactRecord = { recordid: 'C-1', firstname: 'Jane', lastname: 'Doe' };
const acme: R2CustomerRecord = {
  recordid: 'R-1',
  companyname: 'Acme Rentals',
  address: { city: 'Leeds' },
  contacts: [jane],
  createddate: '2024-01-15T09:00',
};

describe('r2 descriptor', () => {
  test('descriptorFor picks it by kind', () => {
    expect(descriptorFor('r2')).toBe(r2);
    expect(r2.capabilities).toMatchObject({ listingIsComplete: false });
  });

  test('natural key: the customer ID when set, else the company name in any case and spacing', () => {
    expect(r2.naturalKey({ ...acme, customerid: ' ACME-1 ' })).toBe('customerid:ACME-1');
    expect(r2.naturalKey({ ...acme, customerid: '' })).toBe(
      r2.naturalKey({ ...acme, companyname: ' acme   RENTALS' }),
    );
    expect(r2.naturalKey(acme)).not.toBe(r2.naturalKey({ ...acme, companyname: 'Acme Tools' }));
  });

  test('display name, and a name for a customer still without one', () => {
    expect(r2.displayName(acme)).toBe('Acme Rentals');
    expect(r2.displayName({ companyname: '  ' })).toBe('Unnamed customer');
  });

  test('a blank record is listed by R2 once created, and only lacks its company name', () => {
    const blank = r2.emptyRecord();
    expect(blank.synchronizer2).toBe('Created in R2');
    const checked = r2.validate(blank, {});
    expect(checked.ok ? {} : checked.errors).toEqual({ companyname: ['Company name is required'] });
    expect(r2.validate({ ...blank, companyname: 'Acme' }, {}).ok).toBe(true);
  });

  test('a new contact gets a localKey before it is stored; known contacts stay as they are', () => {
    const stored = r2.prepareForStore({ ...acme, contacts: [jane, { firstname: 'Max' }] });
    expect(stored.contacts?.[0]).toBe(jane);
    expect(stored.contacts?.[1]?.localKey).toMatch(/^local-/);
  });

  test('validation errors name the contact by its identity, not its position', () => {
    const record = { ...acme, contacts: [jane, { recordid: 'C-2', emailaddr: 'not-an-email' }] };
    const checked = r2.validate(record, {});
    expect(checked.ok ? {} : checked.errors).toEqual({
      'contacts[recordid=C-2].emailaddr': ['Enter a valid email address'],
    });
  });

  test('resolve checks the resolved record against the schema', () => {
    const base = acme;
    const mine = { ...acme, companyname: 'Mine Ltd' };
    const theirs = { ...acme, companyname: 'Theirs Ltd' };
    const result = merge(r2.shape, base, mine, theirs);
    const bad = r2.resolve(result, { companyname: { value: ' ' } }, {});
    expect(bad.ok ? {} : bad.errors).toEqual({ companyname: ['Company name is required'] });
    const good = r2.resolve(result, { companyname: 'mine' }, {});
    expect(good.ok && good.value.merged.companyname).toBe('Mine Ltd');
  });

  test('item renames pair the new contacts with the recordids the server gave them, in order', () => {
    const sent = {
      ...acme,
      contacts: [jane, { localKey: 'local-a', firstname: 'A' }, { localKey: 'local-b' }],
    };
    const created = {
      ...acme,
      contacts: [jane, { recordid: 'C-7', firstname: 'A' }, { recordid: 'C-8' }],
    };
    expect(r2.itemRenames(sent, created)).toEqual([
      { from: 'contacts[localKey=local-a]', to: 'contacts[recordid=C-7]' },
      { from: 'contacts[localKey=local-b]', to: 'contacts[recordid=C-8]' },
    ]);
    // A server that dropped a contact leaves position meaningless: no guess.
    expect(r2.itemRenames(sent, { ...created, contacts: [jane, { recordid: 'C-7' }] })).toEqual([]);
  });

  test('list columns read what a summary has', () => {
    const cells = Object.fromEntries(r2.listColumns.map((c) => [c.id, c.value(acme, {})]));
    expect(cells).toMatchObject({
      companyname: 'Acme Rentals',
      city: 'Leeds',
      contact: 'Jane Doe',
    });
    // Updated: the stored ISO date-time (it sorts by time); the list shows it regionally.
    const updated = r2.listColumns.find((c) => c.id === 'updated')!;
    expect(updated.format).toBe('datetime');
    expect(updated.value({ ...acme, updateddate: '2024-02-29T17:05' }, {})).toBe(
      '2024-02-29T17:05',
    );
  });

  test('re-creating drops server ids and audit fields; known contacts become new ones', () => {
    let n = 0;
    const copy = r2ForRecreate(
      { ...acme, contacts: [jane, { localKey: 'local-x', firstname: 'New' }] },
      () => `local-fresh-${++n}`,
    );
    expect(copy).toEqual({
      companyname: 'Acme Rentals',
      address: { city: 'Leeds' },
      contacts: [
        { localKey: 'local-fresh-1', firstname: 'Jane', lastname: 'Doe' },
        { localKey: 'local-x', firstname: 'New' },
      ],
    });
    expect(r2.validate(copy, {}).ok).toBe(true);
  });
});

/** A record in the by-ID wire shape, as the sandbox stores and serves it. */
function wireOf(record: R2CustomerRecord): R2Customer {
  const date = (value: string | null | undefined) => (value ? isoToR2DateTime(value) : undefined);
  return r2CustomerSchema.parse({
    ...record,
    insuranceexpdate: date(record.insuranceexpdate),
    createddate: date(record.createddate),
    updateddate: date(record.updateddate),
    contacts: record.contacts?.map((contact) => ({
      ...contact,
      createddate: date(contact.createddate),
      updateddate: date(contact.updateddate),
    })),
  });
}

describe('summaryOf', () => {
  test('equals what a pull makes of the list rows the sandbox renders for the record', () => {
    fc.assert(
      fc.property(r2Record, (generated) => {
        const wire = wireOf(generated);
        const full = r2RecordFromWire(wire);
        const [pulled] = r2CustomerSummariesFromRows([...rowsOf(wire)]).map(r2RecordFromSummary);
        expect(pulled).toStrictEqual(r2.summaryOf(full));
      }),
      propertyParams(),
    );
  });

  test('an address the server answers with only nulls is no address in either view', () => {
    const blank = { addressline: null, city: null, state: null, zip: null, country: null };
    const wire = r2CustomerSchema.parse({
      ...wireOf(acme),
      address: blank,
      contacts: [{ recordid: 'C-1', firstname: 'Jane', address: blank }],
    });
    const full = r2RecordFromWire(wire);
    // The by-ID mapping drops a block of only nulls (nothing is set there).
    expect(full.address ?? {}).toEqual({});
    const [pulled] = r2CustomerSummariesFromRows([...rowsOf(wire)]).map(r2RecordFromSummary);
    expect(pulled).toStrictEqual(r2.summaryOf(full));
    expect(pulled).not.toHaveProperty('address');
  });

  test('sees a change of a listed field, and no change of a field the list lacks', () => {
    const full = r2RecordFromWire(wireOf({ ...acme, web: 'https://acme.example' }));
    expect(r2.summaryOf({ ...full, web: 'https://other.example' })).toStrictEqual(
      r2.summaryOf(full),
    );
    expect(r2.summaryOf({ ...full, companyname: 'Acme Tools' })).not.toStrictEqual(
      r2.summaryOf(full),
    );
  });
});
