// Main's change journal in memory for the store's tests: the latest state per record by sequence
// (as main keeps it), a compaction that drops what no longer waits, and what was appended.
import {
  isWaiting,
  type JournalAppend,
  type JournalRecord,
} from '../../../../src-shared/journal/journal-record';
import type { JournalPort } from '../journal-stamp';

export interface MemoryJournal extends JournalPort {
  readonly appends: JournalAppend[];
  /** What a compaction leaves: only the waiting records, the sequence kept. */
  compact(connectionId: string): void;
  waiting(connectionId: string): JournalRecord[];
}

export function createMemoryJournal(): MemoryJournal {
  const seqs = new Map<string, number>();
  const latest = new Map<string, Map<string, { seq: number; record: JournalRecord }>>();
  const appends: JournalAppend[] = [];
  const of = (connectionId: string) => {
    let records = latest.get(connectionId);
    if (!records) latest.set(connectionId, (records = new Map()));
    return records;
  };
  const waiting = (connectionId: string) =>
    [...of(connectionId).values()]
      .filter((held) => isWaiting(held.record))
      .sort((a, b) => a.seq - b.seq)
      .map((held) => structuredClone(held.record));
  return {
    appends,
    waiting,
    async append(batch) {
      appends.push(structuredClone(batch));
      seqs.set(batch.connectionId, Math.max(seqs.get(batch.connectionId) ?? 0, batch.seq));
      for (const record of batch.records) {
        const known = of(batch.connectionId).get(record.recordKey);
        if (known && known.seq > batch.seq) continue;
        of(batch.connectionId).set(record.recordKey, {
          seq: batch.seq,
          record: structuredClone(record),
        });
      }
    },
    async read(connectionId) {
      return { seq: seqs.get(connectionId) ?? 0, records: waiting(connectionId), notices: [] };
    },
    async rewrite({ connectionId, seq, records }) {
      seqs.set(connectionId, seq);
      latest.set(
        connectionId,
        new Map(
          records.map((record) => [record.recordKey, { seq, record: structuredClone(record) }]),
        ),
      );
    },
    compact(connectionId) {
      const records = waiting(connectionId);
      latest.set(
        connectionId,
        new Map(
          [...of(connectionId).entries()].filter(([key]) =>
            records.some((record) => record.recordKey === key),
          ),
        ),
      );
    },
  };
}
