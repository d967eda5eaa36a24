// The offline uniqueness check against the real store (Dexie on fake-indexeddb), driven by the
// Revnue descriptor's own rule for names.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, test } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import { openCustomerStore } from './dexie-customer-store';

const store = openCustomerStore('find-customer', {
  indexedDb: { indexedDB: new IDBFactory(), IDBKeyRange },
});
afterEach(() => store.close());

const rule = revnueDescriptor.editor[0]!.fields.find(
  (f) => f.path === 'name',
)!.uniqueAmongCustomers!;

test('finds another customer with the same name (case and spaces aside), never the one edited', async () => {
  const acme = await store.createCustomer(revnueDescriptor, 'c1', {
    ...revnueDescriptor.emptyRecord(),
    name: 'Acme Ltd',
  });
  await store.createCustomer(revnueDescriptor, 'c2', {
    ...revnueDescriptor.emptyRecord(),
    name: 'Other Co',
  });
  const sameAs = (name: string) => {
    const key = rule.key({ name });
    return (record: unknown) => rule.key(record) === key;
  };
  expect(await store.findOtherCustomer('c1', null, sameAs('  acme   LTD'))).toBe(acme);
  expect(await store.findOtherCustomer('c1', acme, sameAs('Acme Ltd'))).toBeNull();
  expect(await store.findOtherCustomer('c1', null, sameAs('Other Co'))).toBeNull(); // other connection
});
