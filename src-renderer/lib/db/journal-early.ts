// A save's journal append started INSIDE its IndexedDB transaction, right after the stamp, so the
// fsync in main and the IndexedDB commit run side by side: the save waits for the slower of the
// two, not for their sum (docs/journal.md#fsync-and-compaction).
import { rowTables } from './schema';
import type { JournalAppend } from '../../../src-shared/journal/journal-record';
import { readStamp, waitingRecordsOf, writeStamp } from './journal-stamp';
import type { StoreContext } from './store-context';

/** Hands a stamped batch to main at once (inside the transaction) and gives it back. */
export type StartAppend = (batch: JournalAppend) => JournalAppend;

/**
 * Runs `transaction` (which calls `start` with its stamped batch as its last step) and resolves
 * once the transaction committed AND main answered the append. If the transaction fails after
 * the append left, the journal holds a change the store never took: it is rewritten from the
 * store, so a save the user saw fail does not come back at the next start.
 */
export async function commitWithJournal<R>(
  ctx: StoreContext,
  connectionId: string,
  transaction: (start: StartAppend) => Promise<R>,
): Promise<R> {
  let sent: { seq: number; answered: Promise<void> } | null = null;
  const start: StartAppend = (batch) => {
    if (ctx.journal && batch.records.length > 0) {
      const answered = ctx.journal.append(batch);
      // Awaited below; this only keeps a failure from counting as unhandled meanwhile.
      answered.catch(() => {});
      sent = { seq: batch.seq, answered };
    }
    return batch;
  };
  let result: R;
  try {
    result = await transaction(start);
  } catch (error) {
    const started = sent as { seq: number; answered: Promise<void> } | null;
    if (started) await undoAppend(ctx, connectionId, started.seq, started.answered);
    throw error;
  }
  const started = sent as { seq: number; answered: Promise<void> } | null;
  if (started) await started.answered;
  return result;
}

/** The store stays as it was: the journal is made to say so again, under a stamp it cannot lag. */
async function undoAppend(
  ctx: StoreContext,
  connectionId: string,
  sentSeq: number,
  answered: Promise<void>,
): Promise<void> {
  const journal = ctx.journal;
  if (!journal) return;
  await answered.catch(() => {});
  try {
    const db = ctx.strict;
    const whole = await db.transaction('rw', db.outbox, ...rowTables(db), db.meta, async () => {
      const seq = Math.max(await readStamp(db, connectionId), sentSeq);
      await writeStamp(db, connectionId, seq);
      return { connectionId, seq, records: await waitingRecordsOf(db, connectionId) };
    });
    await journal.rewrite(whole);
  } catch {
    // The save already fails in words; at worst the next start puts this change back (the
    // journal is ahead), which keeps "nothing typed is lost" at the price of one surprise.
  }
}
