// What the store's operations share: the two database instances, time and ids, the change
// signal, error wording, and the outbox reads every operation needs (a record's entries; its row
// comes from customer-rows.ts).
import { toStoreError, type StoreActivity } from './store-errors';
import type { OutboxRow } from './rows';
import type { FieldbookDatabase } from './schema';
import type { JournalPort } from './journal-stamp';

export interface StoreContext {
  /** Strict durability: a salesperson's changes and the outbox's progress. */
  readonly strict: FieldbookDatabase;
  /** Relaxed durability: bulk pull writes (the server still has them). */
  readonly relaxed: FieldbookDatabase;
  readonly now: () => number;
  /** A fresh uuid (opIds, local keys). */
  readonly newId: () => string;
  notify(connectionId: string, cause: 'local' | 'pulled'): void;
  /** Main's change journal; absent in tests of the store alone. */
  readonly journal?: JournalPort;
}

/** Runs `work`; any failure comes back as a StoreError in words, never swallowed. */
export async function guarded<R>(activity: StoreActivity, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error, activity);
  }
}

// The tables hold the rows of every connector; a caller's T is its claim about the records of
// the connection it names, which only ever receives records of its own descriptor.
export function asEntriesOf<T>(entries: OutboxRow[]): OutboxRow<T>[] {
  return entries as OutboxRow<T>[];
}

/** A record's entries, oldest first (the compound index orders equal keys by seq). */
export async function entriesOf<T>(
  db: FieldbookDatabase,
  connectionId: string,
  key: string,
): Promise<OutboxRow<T>[]> {
  return asEntriesOf<T>(
    await db.outbox.where('[connectionId+recordKey]').equals([connectionId, key]).toArray(),
  );
}

/** Replaces a record's entries: writes `entries`, deletes the seqs in `removed`. */
export async function writeEntries(
  db: FieldbookDatabase,
  entries: readonly OutboxRow[],
  removed: readonly number[],
): Promise<void> {
  // Issued together (disjoint keys): a save waits for one round trip to IndexedDB, not two.
  await Promise.all([
    removed.length > 0 ? db.outbox.bulkDelete([...removed]) : undefined,
    entries.length > 0 ? db.outbox.bulkPut([...entries]) : undefined,
  ]);
}
