// Form locations: reading and writing the draft by key, index and item identity, and naming the
// same place in the sync core's path grammar (what validation and the server's messages use).
import { expect, test } from 'vitest';
import { r2Shape, revnueShape } from '../../../src-shared/sync/connectors';
import { errorPathOf, getIn, locOf, removeAt, setIn } from './draft-path';

const record = {
  companyname: 'Acme',
  contacts: [
    { recordid: 'C-17', firstname: 'Jane', address: { city: 'Berlin' } },
    { localKey: 'local-1', firstname: 'Bob' },
  ],
  udfs: [{ caption: 'Region', value: 'North' }, {}],
};

test('get and set by key, index and identity, without touching the input', () => {
  expect(getIn(record, ['contacts', 0, 'address', 'city'])).toBe('Berlin');
  expect(getIn(record, ['contacts', { key: 'localKey', id: 'local-1' }, 'firstname'])).toBe('Bob');
  expect(getIn(record, ['contacts', 5, 'firstname'])).toBeUndefined();
  const next = setIn(
    record,
    ['contacts', { key: 'recordid', id: 'C-17' }, 'address', 'city'],
    'Bonn',
  );
  expect(getIn(next, ['contacts', 0, 'address', 'city'])).toBe('Bonn');
  expect(record.contacts[0]!.address!.city).toBe('Berlin');
  // Untouched branches are shared, so Svelte sees only what changed.
  expect(next.udfs).toBe(record.udfs);
});

test('setting an item selected by identity that is missing adds it (a template field value)', () => {
  const revnue = { name: 'Acme', template: { id: 5, fields: [{ id: 7, value: '10.00' }] } };
  const next = setIn(revnue, ['template', 'fields', { key: 'id', id: 8 }, 'value'], '42');
  expect(next.template.fields).toEqual([
    { id: 7, value: '10.00' },
    { id: 8, value: '42' },
  ]);
  const created = setIn({ name: 'New' }, locOf([], 'contact_person.email'), 'a@b.de');
  expect(created).toEqual({ name: 'New', contact_person: { email: 'a@b.de' } });
});

test('removing an item by index', () => {
  expect(removeAt(record, ['contacts'], 0).contacts).toEqual([record.contacts[1]]);
  expect(removeAt(record, ['missing'], 0)).toBe(record);
});

test('the error path names items by identity; an item without one maps to its list', () => {
  expect(errorPathOf(r2Shape, record, ['contacts', 0, 'address', 'city'])).toBe(
    'contacts[recordid=C-17].address.city',
  );
  expect(errorPathOf(r2Shape, record, ['contacts', 1, 'firstname'])).toBe(
    'contacts[localKey=local-1].firstname',
  );
  expect(errorPathOf(r2Shape, record, ['udfs', 0, 'value'])).toBe('udfs[caption=Region].value');
  expect(errorPathOf(r2Shape, record, ['udfs', 1, 'caption'])).toBe('udfs');
  expect(errorPathOf(revnueShape, {}, ['template', 'fields', { key: 'id', id: 7 }, 'value'])).toBe(
    'template.fields[id=7].value',
  );
});
