// What the change journal holds and what crosses IPC to main: for one connection, the latest state
// of every record with waiting changes (its row and its outbox entries), stamped with a sequence.
import { z } from 'zod';

/** One record's state in an append is at most this many characters of JSON. */
export const JOURNAL_MAX_RECORD_CHARS = 512_000;
/** One append (one store transaction) names at most this many records. */
export const JOURNAL_MAX_RECORDS_PER_APPEND = 64;
/** A rewrite (or a read) carries at most this many records. */
export const JOURNAL_MAX_RECORDS = 50_000;
/** A record has at most this many waiting entries (coalescing keeps it to a handful). */
export const JOURNAL_MAX_ENTRIES = 1_000;

const nullableNumber = z.number().finite().nullable();
const sizeOfJson = (value: unknown): number => {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/**
 * An outbox entry as the renderer keeps it. Loose: a field the store adds later travels along
 * and comes back on restore; the fields a restore relies on are checked.
 */
export const journalEntrySchema = z.looseObject({
  seq: z.number().int().positive().optional(),
  connectionId: z.string().min(1).max(256),
  opId: z.string().min(1).max(256),
  recordKey: z.string().min(1).max(256),
  kind: z.enum(['create', 'update']),
  state: z.enum(['pending', 'in_flight', 'rejected', 'conflict']),
  attempts: z.number().int().nonnegative(),
  firstAttemptAt: nullableNumber,
  nextAttemptAt: nullableNumber,
  lastError: z.unknown(),
  outcomeUnknown: z.boolean(),
  conflict: z.unknown(),
  createdAt: z.number().finite(),
  base: z.unknown(),
  changed: z.unknown(),
});

/** A customer row as the renderer keeps it (see src-renderer/lib/db/rows.ts). */
export const journalRowSchema = z.looseObject({
  connectionId: z.string().min(1).max(256),
  key: z.string().min(1).max(256),
  serverId: z.string().max(256).nullable(),
  record: z.unknown(),
  base: z.unknown(),
  remote: z.unknown(),
  hydration: z.enum(['summary', 'full']),
  syncState: z.enum(['synced', 'waiting', 'rejected', 'conflict']),
  opened: z.boolean(),
  fieldErrors: z.unknown(),
  updatedAt: z.number().finite(),
});

/**
 * One record after a store transaction: its row (null: gone from this computer) and its waiting
 * entries, oldest first (none: nothing waits, the journal forgets it at the next compaction).
 */
export const journalRecordSchema = z
  .strictObject({
    recordKey: z.string().min(1, 'A journal record names its customer').max(256),
    row: journalRowSchema.nullable(),
    entries: z
      .array(journalEntrySchema)
      .max(JOURNAL_MAX_ENTRIES, 'Too many changes for one customer'),
  })
  .refine((record) => sizeOfJson(record) <= JOURNAL_MAX_RECORD_CHARS, {
    message: 'This customer is too large to keep in the journal',
  });

export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type JournalRow = z.infer<typeof journalRowSchema>;
export type JournalRecord = z.infer<typeof journalRecordSchema>;

const journalConnectionId = z.string().trim().min(1, 'Choose a connection first').max(256);
/** The per-connection sequence the store and the journal both stamp (0: nothing yet). */
export const journalSeqSchema = z
  .number()
  .int('A journal sequence is a whole number')
  .nonnegative('A journal sequence is not negative')
  .max(Number.MAX_SAFE_INTEGER);

/** What one store transaction appends: every record it changed, under one sequence. */
export const journalAppendSchema = z
  .strictObject({
    connectionId: journalConnectionId,
    seq: journalSeqSchema.min(1, 'A journal append has a sequence of 1 or more'),
    records: z
      .array(journalRecordSchema)
      .min(1, 'Append at least one record')
      .max(JOURNAL_MAX_RECORDS_PER_APPEND, 'Too many records for one append'),
    /**
     * false: the sync engine's bookkeeping (a completion, a retry time) — written at once but
     * flushed to disk with the next durable append. Absent or true: synced before main answers.
     */
    durable: z.boolean().optional(),
  })
  .refine((batch) => batch.records.every((record) => sameConnection(record, batch.connectionId)), {
    message: 'Every record of an append belongs to the connection it names',
  });
export type JournalAppend = z.infer<typeof journalAppendSchema>;

/** The whole journal of a connection at once: after a restore, or when the journal was lost. */
export const journalRewriteSchema = z
  .strictObject({
    connectionId: journalConnectionId,
    seq: journalSeqSchema,
    records: z.array(journalRecordSchema).max(JOURNAL_MAX_RECORDS, 'Too many records'),
  })
  .refine((batch) => batch.records.every((record) => sameConnection(record, batch.connectionId)), {
    message: 'Every record of a rewrite belongs to the connection it names',
  });
export type JournalRewrite = z.infer<typeof journalRewriteSchema>;

/** What main answers for a connection: its sequence, the waiting records, and what it noticed. */
export const journalStateSchema = z.object({
  seq: journalSeqSchema,
  records: z.array(journalRecordSchema).max(JOURNAL_MAX_RECORDS),
  /** What was wrong with the journal file, in words (a torn last record, a foreign file). */
  notices: z.array(z.string().max(1_000)).max(20),
});
export type JournalState = z.infer<typeof journalStateSchema>;

function sameConnection(record: JournalRecord, connectionId: string): boolean {
  return (
    (record.row === null || record.row.connectionId === connectionId) &&
    record.entries.every((entry) => entry.connectionId === connectionId)
  );
}

/** Whether changes still wait for this record (else it is history the journal drops). */
export function isWaiting(record: JournalRecord): boolean {
  return record.row !== null && record.entries.length > 0;
}
