// The store with main's change journal (in memory here), over fake-indexeddb: every change is
// appended with its stamp, and a wiped or lost side is brought back level at start.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { r2Descriptor } from '../../../src-shared/connectors';
import { merge } from '../../../src-shared/sync/merge';
import type { CustomerStore } from './customer-store';
import { openCustomerStore } from './dexie-customer-store';
import type { OutboxRow } from './rows';
import { r2Case } from './test-support/store-cases';
import { createMemoryJournal, type MemoryJournal } from './test-support/memory-journal';

const factory = new IDBFactory();
const connectionId = 'conn-r2';
let opened: CustomerStore[] = [];
let counter = 0;

function open(journal: MemoryJournal, name = `journal-${counter++}`): CustomerStore {
  const store = openCustomerStore(name, {
    indexedDb: { indexedDB: factory, IDBKeyRange },
    journal,
  });
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const store of opened) store.close();
  opened = [];
});

/** What a waiting entry means, without the store's bookkeeping (its seq). */
function meaning(entries: readonly OutboxRow[]) {
  return entries.map((entry) => ({
    recordKey: entry.recordKey,
    opId: entry.opId,
    kind: entry.kind,
    changed: entry.changed,
    base: entry.base,
  }));
}

async function reconcile(store: CustomerStore) {
  if (!store.reconcileJournal) throw new Error('the store was opened without a journal');
  return store.reconcileJournal(connectionId);
}

describe('the store with a change journal', () => {
  test('every save is appended with a rising stamp before it answers', async () => {
    const journal = createMemoryJournal();
    const store = open(journal);
    const key = await store.createCustomer(r2Descriptor, connectionId, r2Case.newRecord('Acme'));
    expect(journal.appends).toHaveLength(1);
    const row = await store.getCustomer<R2CustomerRecord>(connectionId, key);
    await store.saveCustomer(
      r2Descriptor,
      connectionId,
      key,
      r2Case.withCity(row!.record, 'Leeds'),
    );
    expect(journal.appends.map((append) => append.seq)).toEqual([1, 2]);
    expect(journal.waiting(connectionId)[0]?.row?.record).toMatchObject({
      address: { city: 'Leeds' },
    });
  });

  test('a wiped store gets its waiting changes back, in order, and says how many', async () => {
    const journal = createMemoryJournal();
    const before = open(journal);
    const a = await before.createCustomer(r2Descriptor, connectionId, r2Case.newRecord('Acme'));
    const b = await before.createCustomer(r2Descriptor, connectionId, r2Case.newRecord('Birch'));
    const rowA = await before.getCustomer<R2CustomerRecord>(connectionId, a);
    await before.saveCustomer(r2Descriptor, connectionId, a, r2Case.withPhone(rowA!.record, '1'));
    const waiting = await before.listOutbox(connectionId);

    const wiped = open(journal);
    expect(await reconcile(wiped)).toEqual({ restored: 2, notices: [] });
    expect(meaning(await wiped.listOutbox(connectionId))).toEqual(meaning(waiting));
    expect((await wiped.getCustomer(connectionId, a))?.record).toEqual(
      (await before.getCustomer(connectionId, a))?.record,
    );
    expect(await wiped.getCustomer(connectionId, b)).toMatchObject({ syncState: 'waiting' });
    // Level now: a second start restores nothing.
    expect(await reconcile(open(journal, wiped.name))).toEqual({ restored: 0, notices: [] });
  });

  test('an entry that was in flight comes back outcome-unknown, never as unsent', async () => {
    const journal = createMemoryJournal();
    const before = open(journal);
    await before.createCustomer(r2Descriptor, connectionId, r2Case.newRecord('Acme'));
    const [entry] = await before.listOutbox(connectionId);
    await before.markInFlight(entry!.seq!, 5);

    const wiped = open(journal);
    await reconcile(wiped);
    expect(await wiped.listOutbox(connectionId)).toMatchObject([
      { kind: 'create', state: 'in_flight', outcomeUnknown: true },
    ]);
  });

  test('a conflict with an edit queued behind it comes back as it was: state, bases, theirs', async () => {
    const journal = createMemoryJournal();
    const before = open(journal);
    const local = await before.createCustomer(r2Descriptor, connectionId, r2Case.newRecord('Acme'));
    const [create] = await before.listOutbox(connectionId);
    await before.markInFlight(create!.seq!, 1);
    const server = r2Case.created(create!.changed as R2CustomerRecord, 'R-1');
    await before.completeCreate(r2Descriptor, create!.seq!, 'R-1', server);
    const key = (await before.listKeys(connectionId)).find((k) => k !== local) ?? 'R-1';
    const mine = r2Case.withCity(server, 'Mine');
    await before.saveCustomer(r2Descriptor, connectionId, key, mine);
    const [update] = await before.listOutbox(connectionId);
    await before.markInFlight(update!.seq!, 2);
    // Saved while the first was in flight: an entry of its own behind it.
    await before.saveCustomer(r2Descriptor, connectionId, key, r2Case.withPhone(mine, '555'));
    const theirs = r2Case.withCity(server, 'Theirs');
    const { conflicts } = merge(r2Descriptor.shape, server, mine, theirs);
    await before.conflictEntry(update!.seq!, { kind: 'fields', conflicts, theirs });
    const entries = await before.listOutbox(connectionId);
    expect(entries.map((entry) => entry.state)).toEqual(['conflict', 'pending']);

    const wiped = open(journal);
    await reconcile(wiped);
    const strip = (list: readonly OutboxRow[]) => list.map(({ seq: _seq, ...entry }) => entry);
    expect(strip(await wiped.listOutbox(connectionId))).toEqual(strip(entries));
    const { updatedAt: _a, ...rowBefore } = (await before.getCustomer(connectionId, key))!;
    const { updatedAt: _b, ...rowAfter } = (await wiped.getCustomer(connectionId, key))!;
    expect(rowAfter).toEqual(rowBefore);
    expect(rowAfter).toMatchObject({ syncState: 'conflict' });
  });

  test('a store ahead of a lost journal is kept and the journal rewritten from it', async () => {
    const store = open(createMemoryJournal());
    await store.createCustomer(r2Descriptor, connectionId, r2Case.newRecord('Acme'));
    const fresh = createMemoryJournal();
    const again = open(fresh, store.name);
    expect(await reconcile(again)).toEqual({ restored: 0, notices: [] });
    expect(await fresh.read(connectionId)).toMatchObject({
      seq: 1,
      records: [{ entries: [{ kind: 'create' }] }],
    });
    expect(await again.listOutbox(connectionId)).toHaveLength(1);
  });

  test('any interleaving of saves, completions, discards and compactions, then a wipe, gives back exactly the waiting changes', async () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('create' as const), name: fc.constantFrom('A', 'B', 'C') }),
      fc.record({
        op: fc.constant('save' as const),
        pick: fc.nat(9),
        city: fc.constantFrom('X', 'Y'),
      }),
      fc.record({ op: fc.constant('complete' as const), pick: fc.nat(9) }),
      fc.record({ op: fc.constant('send' as const), pick: fc.nat(9) }),
      fc.record({ op: fc.constant('discard' as const), pick: fc.nat(9) }),
      fc.record({ op: fc.constant('compact' as const) }),
    );
    let server = 100;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const journal = createMemoryJournal();
        const store = open(journal);
        const keys = async () => [
          ...new Set((await store.listOutbox(connectionId)).map((entry) => entry.recordKey)),
        ];
        for (const action of steps) {
          const waiting = await store.listOutbox<R2CustomerRecord>(connectionId);
          const known = await keys();
          if (action.op === 'create') {
            await store.createCustomer(r2Descriptor, connectionId, r2Case.newRecord(action.name));
          } else if (action.op === 'compact') {
            journal.compact(connectionId);
          } else if (known.length > 0) {
            const key = known[action.pick % known.length]!;
            const head = waiting.find((entry) => entry.recordKey === key)!;
            if (action.op === 'save') {
              const row = await store.getCustomer<R2CustomerRecord>(connectionId, key);
              await store.saveCustomer(
                r2Descriptor,
                connectionId,
                key,
                r2Case.withCity(row!.record, `${action.city}${server}`),
              );
            } else if (action.op === 'send') {
              await store.markInFlight(head.seq!, 1);
            } else if (action.op === 'discard') {
              await store.discardChanges(connectionId, key);
            } else if (head.kind === 'create') {
              server += 1;
              const id = `R-${server}`;
              await store.completeCreate(
                r2Descriptor,
                head.seq!,
                id,
                r2Case.created(head.changed, id),
              );
            } else {
              const row = await store.getCustomer<R2CustomerRecord>(connectionId, key);
              await store.completeUpdate(r2Descriptor, head.seq!, row!.record);
            }
          }
        }
        const expected = await store.listOutbox(connectionId);
        const wiped = open(journal);
        await reconcile(wiped);
        const restored = await wiped.listOutbox(connectionId);
        expect(meaning(restored)).toEqual(meaning(expected));
        for (const key of await keys()) {
          expect((await wiped.getCustomer(connectionId, key))?.record).toEqual(
            (await store.getCustomer(connectionId, key))?.record,
          );
        }
      }),
      { numRuns: 40 },
    );
  });
});
