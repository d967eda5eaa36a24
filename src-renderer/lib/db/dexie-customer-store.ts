// The local store on IndexedDB (Dexie 4): `openCustomerStore()` gives the CustomerStore the sync
// engine and the UI use. The operations live in small modules by who calls them; this file wires
// them to two instances of one database (strict for changes, relaxed for bulk pulls).
import type { CustomerStore } from './customer-store';
import { deleteConnectionData, getLookups, getMeta, putLookups, putMeta } from './connection-data';
import {
  createCustomer,
  discardChanges,
  markOpened,
  resolveConflict,
  resolveDeleted,
  saveCustomer,
} from './local-changes';
import {
  completeCreate,
  completeUpdate,
  conflictEntry,
  deferEntry,
  dueEntries,
  markInFlight,
  nextDueAt,
  recoverInFlight,
  rejectEntry,
} from './outbox-progress';
import { countRows, getRows, listKeys, listRows } from './list-rows';
import { liveChanges, liveCustomer } from './live-reads';
import { removedSince } from './removal-log';
import { setFieldOfMany } from './bulk-changes';
import { findOtherCustomer } from './find-customer';
import { personalLists } from './personal-lists';
import { applyDeletions, applyPulled, markDeletedOnServer, rowsToHydrate } from './pull-writes';
import type { OutboxRow } from './rows';
import { FieldbookDatabase, type IndexedDbDependencies } from './schema';
import { asEntriesOf, guarded, type StoreContext } from './store-context';
import { rowOf } from './customer-rows';
import { publicRow } from './stored-row';
import type { JournalPort } from './journal-stamp';
import { reconcileWithJournal } from './journal-restore';

export interface CustomerStoreOptions {
  /** IndexedDB to use instead of the browser's (fake-indexeddb in Node tests). */
  readonly indexedDb?: IndexedDbDependencies;
  /** The clock for row and entry timestamps (the engine passes its own). */
  readonly now?: () => number;
  readonly newId?: () => string;
  /** Main's change journal: every change is appended there too, and restored from it. */
  readonly journal?: JournalPort;
}

type ChangeListener = Parameters<CustomerStore['onChange']>[0];

export function openCustomerStore(
  name = 'fieldbook',
  options: CustomerStoreOptions = {},
): CustomerStore {
  const listeners = new Set<ChangeListener>();
  const ctx: StoreContext = {
    strict: new FieldbookDatabase(name, 'strict', options.indexedDb),
    relaxed: new FieldbookDatabase(name, 'relaxed', options.indexedDb),
    now: options.now ?? (() => Date.now()),
    newId: options.newId ?? (() => crypto.randomUUID()),
    ...(options.journal ? { journal: options.journal } : {}),
    notify(connectionId, cause) {
      for (const listener of [...listeners]) {
        try {
          listener({ connectionId, cause });
        } catch (error) {
          // The change is committed; a failing listener must not turn it into a failed save,
          // but its error must still be seen.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
  return {
    name,
    ...(options.journal
      ? { reconcileJournal: (connectionId: string) => reconcileWithJournal(ctx, connectionId) }
      : {}),
    createCustomer: (descriptor, connectionId, record) =>
      createCustomer(ctx, descriptor, connectionId, record),
    saveCustomer: (descriptor, connectionId, key, record) =>
      saveCustomer(ctx, descriptor, connectionId, key, record),
    setFieldOfMany: (descriptor, connectionId, keys, change) =>
      setFieldOfMany(ctx, descriptor, connectionId, keys, change),
    discardChanges: (connectionId, key) => discardChanges(ctx, connectionId, key),
    markOpened: (connectionId, key) => markOpened(ctx, connectionId, key),
    getCustomer: <T>(connectionId: string, key: string) =>
      guarded('read', async () => {
        const row = await rowOf<T>(ctx.strict, connectionId, key);
        return row && publicRow(row);
      }),
    getCustomers: (connectionId, keys) => getRows(ctx, connectionId, keys),
    listRows: (connectionId, since, chunkSize, atMost) =>
      listRows(ctx, connectionId, since, chunkSize, atMost),
    listKeys: (connectionId) => listKeys(ctx, connectionId),
    countRows: (connectionId) => countRows(ctx, connectionId),
    removedSince: (connectionId, afterSeq) =>
      guarded('read', () => removedSince(ctx.relaxed, connectionId, afterSeq)),
    findOtherCustomer: (connectionId, exceptKey, matches) =>
      findOtherCustomer(ctx, connectionId, exceptKey, matches),
    listOutbox: <T>(connectionId: string) =>
      guarded('read', async (): Promise<OutboxRow<T>[]> =>
        asEntriesOf<T>(
          await ctx.strict.outbox.where('connectionId').equals(connectionId).toArray(),
        ),
      ),
    countWaiting: (connectionId) =>
      guarded('read', () => ctx.strict.outbox.where('connectionId').equals(connectionId).count()),
    dueEntries: (connectionId, now, limit) => dueEntries(ctx, connectionId, now, limit),
    nextDueAt: (connectionId) => nextDueAt(ctx, connectionId),
    recoverInFlight: (connectionId) => recoverInFlight(ctx, connectionId),
    markInFlight: (seq, now) => markInFlight(ctx, seq, now),
    completeCreate: (descriptor, seq, serverId, serverRecord, how) =>
      completeCreate(ctx, descriptor, seq, serverId, serverRecord, how),
    completeUpdate: (descriptor, seq, serverRecord) =>
      completeUpdate(ctx, descriptor, seq, serverRecord),
    deferEntry: (seq, patch) => deferEntry(ctx, seq, patch),
    rejectEntry: (seq, error) => rejectEntry(ctx, seq, error),
    conflictEntry: (seq, conflict) => conflictEntry(ctx, seq, conflict),
    resolveConflict: (descriptor, connectionId, key, choices, lookups) =>
      resolveConflict(ctx, descriptor, connectionId, key, choices, lookups),
    resolveDeleted: (descriptor, connectionId, key, choice) =>
      resolveDeleted(ctx, descriptor, connectionId, key, choice),
    applyPulled: (descriptor, connectionId, records) =>
      applyPulled(ctx, descriptor, connectionId, records),
    applyDeletions: (connectionId, seen) => applyDeletions(ctx, connectionId, seen),
    markDeletedOnServer: (connectionId, serverIds) =>
      markDeletedOnServer(ctx, connectionId, serverIds),
    rowsToHydrate: (connectionId, wanted, limit) => rowsToHydrate(ctx, connectionId, wanted, limit),
    putLookups: (connectionId, lookups, now) => putLookups(ctx, connectionId, lookups, now),
    getLookups: (connectionId) => getLookups(ctx, connectionId),
    getMeta: (connectionId) => getMeta(ctx, connectionId),
    putMeta: (meta) => putMeta(ctx, meta),
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    liveCustomer: (connectionId, key) => liveCustomer(ctx, connectionId, key),
    liveChanges: (connectionId) => liveChanges(ctx, connectionId),
    lists: personalLists(ctx),
    deleteConnectionData: (connectionId) => deleteConnectionData(ctx, connectionId),
    async open() {
      await guarded('read', () => Promise.all([ctx.strict.open(), ctx.relaxed.open()]));
    },
    close() {
      ctx.strict.close();
      ctx.relaxed.close();
    },
  };
}
