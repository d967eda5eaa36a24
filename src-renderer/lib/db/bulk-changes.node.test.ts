// "Edit selected" in the store and its runner, on the real store over fake-indexeddb: one entry per
// customer through the editor's own save path (coalescing, re-queued rejections, waiting behind
// an update in flight), no entry for a customer that already has the value, refusals and gone
// customers counted, batches with a pause between, and a failure half-way that keeps what was
// queued and writes nothing of the failing batch.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, test } from 'vitest';
import { r2Descriptor, revnueDescriptor } from '../../../src-shared/connectors';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { confirmWords, outcomeWords, progressWords, runBulkEdit } from '../state/bulk-edit';
import { StoreError, type CustomerStore } from './customer-store';
import { openCustomerStore } from './dexie-customer-store';
import { deleteDatabase } from './test-support/delete-database';
import { r2Case, revnueCase } from './test-support/store-cases';

const factory = new IDBFactory();
const connectionId = 'conn-bulk';
const opened: { store: CustomerStore; name: string }[] = [];
afterEach(async () => {
  for (const { store, name } of opened.splice(0)) {
    store.close();
    await deleteDatabase(factory, name);
  }
});

let counter = 0;
function freshStore(): CustomerStore {
  const name = `bulk-${Date.now()}-${counter++}`;
  const store = openCustomerStore(name, { indexedDb: { indexedDB: factory, IDBKeyRange } });
  opened.push({ store, name });
  return store;
}

/** R2 customers 1..n as a pull stores them, all with category "Customer". */
async function r2Customers(store: CustomerStore, n: number): Promise<string[]> {
  const keys = Array.from({ length: n }, (_, i) => `R${i + 1}`);
  await store.applyPulled(
    r2Descriptor,
    connectionId,
    keys.map((key) => ({
      serverId: key,
      record: { ...r2Case.serverRecord(key, `Customer ${key}`), category: 'Customer' },
      hydration: 'full' as const,
    })),
  );
  return keys;
}

const toVendor = { path: 'category', value: 'Vendor', lookups: {} };

async function entriesOf(store: CustomerStore, key: string) {
  return (await store.listOutbox<R2CustomerRecord>(connectionId)).filter(
    (entry) => entry.recordKey === key,
  );
}

describe('setFieldOfMany', () => {
  test('queues one update of that one field per customer, as the editor would', async () => {
    const store = freshStore();
    const keys = await r2Customers(store, 5);
    const signals: string[] = [];
    store.onChange(({ cause }) => signals.push(cause));
    const result = await store.setFieldOfMany(r2Descriptor, connectionId, keys, toVendor);
    expect(result).toEqual({ queued: 5, unchanged: 0, missing: 0, refused: [] });
    for (const key of keys) {
      const [entry, ...more] = await entriesOf(store, key);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ kind: 'update', state: 'pending' });
      expect(entry!.kind === 'update' && entry!.changed.map((c) => c.path)).toEqual(['category']);
      const row = await store.getCustomer<R2CustomerRecord>(connectionId, key);
      expect(row?.record.category).toBe('Vendor');
      expect(row?.syncState).toBe('waiting');
      // Nothing else of the record moved.
      expect({ ...row!.record, category: 'Customer' }).toEqual(row!.base);
    }
    // One signal for the batch, not one per customer.
    expect(signals).toEqual(['local']);
    expect(await store.countWaiting(connectionId)).toBe(5);
  });

  test('customers that already have the value queue nothing', async () => {
    const store = freshStore();
    const keys = await r2Customers(store, 3);
    const result = await store.setFieldOfMany(r2Descriptor, connectionId, keys, {
      ...toVendor,
      value: 'Customer',
    });
    expect(result).toMatchObject({ queued: 0, unchanged: 3 });
    expect(await store.countWaiting(connectionId)).toBe(0);
  });

  test('folds into a waiting edit of the customer, and re-queues a rejected one as its fix', async () => {
    const store = freshStore();
    const [waiting, rejected] = await r2Customers(store, 2);
    for (const key of [waiting!, rejected!]) {
      const row = await store.getCustomer<R2CustomerRecord>(connectionId, key);
      await store.saveCustomer(
        r2Descriptor,
        connectionId,
        key,
        r2Case.withCity(row!.record, 'Ely'),
      );
    }
    const [toReject] = await entriesOf(store, rejected!);
    await store.rejectEntry(toReject!.seq!, { kind: 'validation', message: 'City unknown' });
    await store.setFieldOfMany(r2Descriptor, connectionId, [waiting!, rejected!], toVendor);
    for (const key of [waiting!, rejected!]) {
      const entries = await entriesOf(store, key);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ kind: 'update', state: 'pending', lastError: null });
      const paths = entries[0]!.kind === 'update' ? entries[0]!.changed.map((c) => c.path) : [];
      expect(paths.sort()).toEqual(['address.city', 'category']);
    }
    expect((await store.getCustomer(connectionId, rejected!))?.syncState).toBe('waiting');
  });

  test('waits behind an update in flight instead of changing what was sent', async () => {
    const store = freshStore();
    const [key] = await r2Customers(store, 1);
    const row = await store.getCustomer<R2CustomerRecord>(connectionId, key!);
    await store.saveCustomer(r2Descriptor, connectionId, key!, r2Case.withCity(row!.record, 'Ely'));
    const [sent] = await entriesOf(store, key!);
    await store.markInFlight(sent!.seq!, Date.now());
    await store.setFieldOfMany(r2Descriptor, connectionId, [key!], toVendor);
    const entries = await entriesOf(store, key!);
    expect(entries.map((entry) => entry.state)).toEqual(['in_flight', 'pending']);
    expect(entries[0]!.kind === 'update' && entries[0]!.changed.map((c) => c.path)).toEqual([
      'address.city',
    ]);
  });

  test('counts customers no longer here and refuses a value the editor would refuse', async () => {
    const store = freshStore();
    const keys = await r2Customers(store, 2);
    const gone = await store.setFieldOfMany(r2Descriptor, connectionId, [...keys, 'R404'], {
      ...toVendor,
      value: 'Wholesaler',
    });
    expect(gone.queued).toBe(0);
    expect(gone.missing).toBe(1);
    expect(gone.refused.map((r) => r.name)).toEqual(['Customer R1', 'Customer R2']);
    expect(gone.refused[0]!.reason).toMatch(/Category/i);
    expect(await store.countWaiting(connectionId)).toBe(0);
  });

  test('Revnue: a lookup id (country) set on each, compared in its canonical form', async () => {
    const store = freshStore();
    const keys = ['1', '2'];
    await store.applyPulled(
      revnueDescriptor,
      connectionId,
      keys.map((key) => ({
        serverId: key,
        record: revnueCase.serverRecord(key, `Kunde ${key}`),
        hydration: 'full' as const,
      })),
    );
    // The editor's select hands over the lookup's id; a second run with it changes nothing.
    const change = { path: 'country', value: 276, lookups: {} };
    expect(await store.setFieldOfMany(revnueDescriptor, connectionId, keys, change)).toMatchObject({
      queued: 2,
      refused: [],
    });
    expect(await store.setFieldOfMany(revnueDescriptor, connectionId, keys, change)).toMatchObject({
      queued: 0,
      unchanged: 2,
    });
    const entries = await store.listOutbox(connectionId);
    expect(entries).toHaveLength(2);
  });
});

describe('runBulkEdit', () => {
  test('batches with a pause between them and reports progress after each', async () => {
    const store = freshStore();
    const keys = await r2Customers(store, 5);
    const progress: string[] = [];
    let pauses = 0;
    const outcome = await runBulkEdit(
      store,
      { descriptor: r2Descriptor, connectionId, keys, change: toVendor },
      {
        batchSize: 2,
        onProgress: (done, total) => progress.push(`${done}/${total}`),
        pause: async () => {
          pauses += 1;
        },
      },
    );
    expect(progress).toEqual(['0/5', '2/5', '4/5', '5/5']);
    expect(pauses).toBe(2);
    expect(outcome).toMatchObject({ total: 5, done: 5, queued: 5, failure: null });
    expect(outcomeWords(outcome, 'Category', 'Vendor')).toBe(
      'Category set to Vendor for 5 customers.',
    );
  });

  test('a failure half-way keeps the batches before it and says how many were queued', async () => {
    const store = freshStore();
    const keys = await r2Customers(store, 6);
    let calls = 0;
    // The disk fills during the second batch: that transaction writes nothing.
    const failing: CustomerStore = {
      ...store,
      setFieldOfMany(descriptor, id, batch, change) {
        calls += 1;
        if (calls === 2) {
          return Promise.reject(
            new StoreError('Your disk is full: this change could not be saved.', 'quota'),
          );
        }
        return store.setFieldOfMany(descriptor, id, batch, change);
      },
    };
    const outcome = await runBulkEdit(
      failing,
      { descriptor: r2Descriptor, connectionId, keys, change: toVendor },
      { batchSize: 2, pause: async () => {} },
    );
    expect(outcome).toMatchObject({
      done: 2,
      queued: 2,
      failure: expect.stringMatching(/disk is full/),
    });
    expect(await store.countWaiting(connectionId)).toBe(2);
    for (const key of keys.slice(2)) {
      expect((await store.getCustomer<R2CustomerRecord>(connectionId, key))?.record.category).toBe(
        'Customer',
      );
    }
    expect(outcomeWords(outcome, 'Category', 'Vendor')).toBe(
      'Stopped: Your disk is full: this change could not be saved. 2 customers updated before it are saved and will sync; 4 customers were not changed.',
    );
  });

  test('words: the confirmation and the progress name the count', () => {
    expect(confirmWords('Category', 'Retail', 20)).toBe('Set Category to Retail for 20 customers?');
    expect(confirmWords('Phase', 'Lost', 1)).toBe('Set Phase to Lost for 1 customer?');
    expect(progressWords(120, 2_000)).toBe('Updating 120 of 2,000 customers…');
  });
});
