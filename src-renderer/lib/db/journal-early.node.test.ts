// The journal append that leaves inside the save's transaction (journal-early.ts), over
// fake-indexeddb: the save answers only when main answered too, and a transaction that fails
// after its append left does not leave the journal holding a change the store never took.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { r2Descriptor } from '../../../src-shared/connectors';
import type { JournalAppend } from '../../../src-shared/journal/journal-record';
import type { CustomerStore } from './customer-store';
import { openCustomerStore } from './dexie-customer-store';
import { commitWithJournal } from './journal-early';
import { readStamp, stampChange } from './journal-stamp';
import { FieldbookDatabase } from './schema';
import type { StoreContext } from './store-context';
import { r2Case } from './test-support/store-cases';
import { createMemoryJournal, type MemoryJournal } from './test-support/memory-journal';

const factory = new IDBFactory();
const dependencies = { indexedDB: factory, IDBKeyRange };
const connectionId = 'conn-r2';
let counter = 0;
let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function open(journal: MemoryJournal, name = `early-${counter++}`): CustomerStore {
  const store = openCustomerStore(name, { indexedDb: dependencies, journal });
  cleanups.push(() => store.close());
  return store;
}

/** A journal whose appends wait until `release()`: main still busy with its fsync. */
function heldJournal(inner: MemoryJournal) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const calls: JournalAppend[] = [];
  const journal: MemoryJournal = {
    ...inner,
    async append(batch) {
      calls.push(batch);
      await gate;
      await inner.append(batch);
    },
  };
  return { journal, calls, release };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a save with its journal append in parallel', () => {
  test('the save answers only after main answered its append', async () => {
    const inner = createMemoryJournal();
    const store = open(inner);
    const key = await store.createCustomer(r2Descriptor, connectionId, r2Case.newRecord('Acme'));
    const row = await store.getCustomer<R2CustomerRecord>(connectionId, key);
    const held = heldJournal(inner);
    const slow = open(held.journal, store.name);

    let answered = false;
    const saving = slow
      .saveCustomer(r2Descriptor, connectionId, key, r2Case.withCity(row!.record, 'Leeds'))
      .then(() => (answered = true));
    for (let i = 0; i < 50 && held.calls.length === 0; i += 1) await tick();
    expect(held.calls.map((call) => call.seq)).toEqual([2]);
    for (let i = 0; i < 20; i += 1) await tick();
    expect(answered).toBe(false);

    held.release();
    await saving;
    expect(answered).toBe(true);
    expect((await inner.read(connectionId)).seq).toBe(2);
    expect(inner.waiting(connectionId)[0]?.row?.record).toMatchObject({
      address: { city: 'Leeds' },
    });
  });

  test('a transaction that fails after its append left rewrites the journal from the store', async () => {
    const journal = createMemoryJournal();
    const store = open(journal);
    await store.createCustomer(r2Descriptor, connectionId, r2Case.newRecord('Acme'));
    const before = await store.listOutbox(connectionId);
    const db = new FieldbookDatabase(store.name, 'strict', dependencies);
    cleanups.push(() => db.close());
    const ctx: StoreContext = {
      strict: db,
      relaxed: db,
      now: () => 1,
      newId: () => `id-${counter++}`,
      notify: () => {},
      journal,
    };

    const failing = commitWithJournal(ctx, connectionId, (start) =>
      db.transaction('rw', db.customers, db.outbox, db.meta, async () => {
        await db.customers.add({
          ...(await db.customers.get([connectionId, before[0]!.recordKey]))!,
          key: 'never-committed',
        });
        start(await stampChange(db, connectionId, ['never-committed']));
        throw new Error('the disk is full');
      }),
    );
    await expect(failing).rejects.toThrow('the disk is full');

    // The append did reach main (seq 2), and was then taken back: the journal holds exactly
    // what the store holds, under a stamp the store shares, so a start restores nothing.
    expect(journal.appends.map((append) => append.seq)).toEqual([1, 2]);
    expect(journal.waiting(connectionId).map((record) => record.recordKey)).toEqual([
      before[0]!.recordKey,
    ]);
    expect(await readStamp(db, connectionId)).toBe(2);
    expect((await journal.read(connectionId)).seq).toBe(2);
    expect(await open(journal, store.name).reconcileJournal!(connectionId)).toEqual({
      restored: 0,
      notices: [],
    });
  });

  test('a failed append fails the save in words after the store committed', async () => {
    const inner = createMemoryJournal();
    const store = open(inner);
    const key = await store.createCustomer(r2Descriptor, connectionId, r2Case.newRecord('Acme'));
    const row = await store.getCustomer<R2CustomerRecord>(connectionId, key);
    const broken = open(
      {
        ...inner,
        append: () => Promise.reject(new Error('main could not write its journal')),
      },
      store.name,
    );
    await expect(
      broken.saveCustomer(r2Descriptor, connectionId, key, r2Case.withCity(row!.record, 'Leeds')),
    ).rejects.toThrow();
    expect((await store.getCustomer<R2CustomerRecord>(connectionId, key))?.record).toMatchObject({
      address: { city: 'Leeds' },
    });
  });
});
