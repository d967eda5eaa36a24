// The engine's pure steps: dirty detection in canonical form, edits kept across a newer stored
// version, "Same as address", and which messages the form shows when.
import { expect, test } from 'vitest';
import { r2Descriptor, revnueDescriptor } from '../../../src-shared/connectors';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { applySameAs, isDirty, rebaseDraft, visibleMessages, withoutMessagesAt } from './draft-ops';

test('dirty compares canonical forms: digits for ids and cleared inputs are no change', () => {
  const saved = { ...revnueDescriptor.emptyRecord(), name: 'Acme', category: 3 };
  expect(
    isDirty(revnueDescriptor, {}, { ...saved, category: '3' as unknown as number }, saved),
  ).toBe(false);
  expect(isDirty(revnueDescriptor, {}, { ...saved, name: 'Acme 2' }, saved)).toBe(true);
  const r2: R2CustomerRecord = { companyname: 'Acme', contacts: [] };
  expect(isDirty(r2Descriptor, {}, { ...r2, web: '', address: { city: '' } }, r2)).toBe(false);
  expect(isDirty(r2Descriptor, {}, { ...r2, web: 'acme.de' }, r2)).toBe(true);
});

test('a newer stored version keeps the salesperson’s edits on top', () => {
  const oldSaved: R2CustomerRecord = { companyname: 'Acme', recordid: 'R-1' };
  const draft: R2CustomerRecord = { ...oldSaved, web: 'acme.de' };
  const full: R2CustomerRecord = { ...oldSaved, creditlimit: 500, address: { city: 'Bonn' } };
  expect(rebaseDraft(r2Descriptor, oldSaved, draft, full)).toEqual({ ...full, web: 'acme.de' });
});

test('"Same as address" copies the block, and an emptied source empties the copy', () => {
  const pair = { from: ['address'], to: ['billingaddress'] };
  const record = { address: { city: 'Bonn' }, billingaddress: { city: 'Köln' } };
  const same = applySameAs(record, [pair]);
  expect(same.billingaddress).toEqual({ city: 'Bonn' });
  expect(same.billingaddress).not.toBe(same.address);
  expect(applySameAs({ billingaddress: { city: 'Köln' } }, [pair])).toEqual({});
  const contact = { contacts: [{ address: { zip: '1' }, shippingaddress: {} }] };
  expect(
    applySameAs(contact, [
      { from: ['contacts', 0, 'address'], to: ['contacts', 0, 'shippingaddress'] },
    ]).contacts[0]!.shippingaddress,
  ).toEqual({ zip: '1' });
});

test('messages: the server’s always, the schema’s once edited or after a save attempt', () => {
  const parts = {
    schema: { name: ['Name is required'], city: ['City must be at most 50 characters'] },
    input: { nda_signed_date: ['NDA signed date: enter a date like 30.06.2025'] },
    unique: {},
    server: { 'contacts[recordid=C-1].emailaddr': ['Email is not valid'] },
  };
  expect(visibleMessages({ ...parts, shown: (path) => path === 'city' })).toEqual({
    city: ['City must be at most 50 characters'],
    'contacts[recordid=C-1].emailaddr': ['Email is not valid'],
  });
  const all = visibleMessages({
    ...parts,
    schema: { ...parts.schema, nda_signed_date: ['NDA signed date: enter a date like 2025-06-30'] },
    shown: () => true,
  });
  expect(all['nda_signed_date']).toEqual(['NDA signed date: enter a date like 30.06.2025']);
  expect(Object.keys(all)).toHaveLength(4);
});

test('editing a field drops the server’s messages on it and inside it, not elsewhere', () => {
  const server = {
    'contacts[recordid=C-1].emailaddr': ['Email is not valid'],
    'contacts[recordid=C-1].address.city': ['Unknown city'],
    companyname: ['Taken'],
  };
  expect(withoutMessagesAt(server, 'contacts[recordid=C-1].emailaddr')).toEqual({
    'contacts[recordid=C-1].address.city': ['Unknown city'],
    companyname: ['Taken'],
  });
  expect(Object.keys(withoutMessagesAt(server, 'contacts[recordid=C-1]'))).toEqual(['companyname']);
});
