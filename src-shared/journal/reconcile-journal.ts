// Which side is right when the window starts: the local store or main's change journal
// (docs/journal.md#the-reconcile-table). Both stamp the same per-connection sequence with every
// change, so a store whose stamp is lower (wiped, deleted, restored from an older copy) is behind
// and gets the journal's waiting changes back; a store whose stamp is higher (the journal lost)
// is kept and the journal rewritten from it. Pure.
import { isWaiting, type JournalEntry, type JournalRecord } from './journal-record';

/** What one side holds for a connection: its stamp (0: none) and its waiting records. */
export interface JournalSide {
  readonly seq: number;
  readonly records: readonly JournalRecord[];
}

export type Reconciliation =
  | { readonly action: 'in_step' }
  | {
      readonly action: 'restore';
      /** The store's stamp afterwards: the journal's. */
      readonly seq: number;
      /** Every waiting record, oldest stamp first, as the store must hold it. */
      readonly records: JournalRecord[];
      /** Records the store has waiting that the journal knows to be settled: they go. */
      readonly settledKeys: string[];
      /** Changes the store did not have (what the user is told was restored). */
      readonly restoredChanges: number;
    }
  | { readonly action: 'rewrite'; readonly seq: number; readonly records: JournalRecord[] };

/**
 * A request may have left for an entry that was in flight: a create is looked up by its natural
 * key before it is sent again (outcome unknown), an update is safe to repeat (the push merges
 * against the server's current record), exactly as after a crash.
 */
export function afterRestore(entry: JournalEntry): JournalEntry {
  if (entry.state !== 'in_flight') return entry;
  return entry.kind === 'create'
    ? { ...entry, outcomeUnknown: true }
    : { ...entry, state: 'pending', outcomeUnknown: false };
}

function sameChange(a: JournalEntry, b: JournalEntry): boolean {
  return a.opId === b.opId && JSON.stringify(a.changed) === JSON.stringify(b.changed);
}

export function reconcileJournal(store: JournalSide, journal: JournalSide): Reconciliation {
  const storeWaiting = store.records.filter(isWaiting);
  const journalWaiting = journal.records.filter(isWaiting);
  if (journal.seq > store.seq) {
    const storeEntries = storeWaiting.flatMap((record) => record.entries);
    const journalKeys = new Set(journalWaiting.map((record) => record.recordKey));
    const records = journalWaiting.map((record) => ({
      ...record,
      entries: record.entries.map(afterRestore),
    }));
    const restoredChanges = journalWaiting
      .flatMap((record) => record.entries)
      .filter((entry) => !storeEntries.some((held) => sameChange(held, entry))).length;
    return {
      action: 'restore',
      seq: journal.seq,
      records,
      settledKeys: storeWaiting
        .map((record) => record.recordKey)
        .filter((key) => !journalKeys.has(key)),
      restoredChanges,
    };
  }
  // A store from before the journal existed has no stamp, but may hold waiting changes.
  const journalLost = store.seq > journal.seq || (store.seq === 0 && storeWaiting.length > 0);
  if (journalLost) return { action: 'rewrite', seq: store.seq, records: storeWaiting };
  return { action: 'in_step' };
}
