// A connection's journal in memory: the latest state of each record by sequence, so an append
// that arrives late never overwrites a newer one, and what a compaction keeps. Pure.
import {
  isWaiting,
  type JournalAppend,
  type JournalRecord,
} from '../../src-shared/journal/journal-record';

interface Latest {
  readonly seq: number;
  readonly record: JournalRecord;
}

export class JournalState {
  #seq: number;
  readonly #latest = new Map<string, Latest>();
  /** Record states written to the file since its last rewrite (compaction's yardstick). */
  #written = 0;
  /**
   * How many records wait, kept as appends arrive: every append asks whether to compact, and
   * counting by walking every record would cost a save time in proportion to what waits.
   */
  #waitingCount = 0;

  constructor(seq = 0) {
    this.#seq = seq;
  }

  get seq(): number {
    return this.#seq;
  }

  /** The lines the file holds beyond what is waiting: history a compaction drops. */
  get dead(): number {
    return this.#written - this.#waitingCount;
  }

  get waitingCount(): number {
    return this.#waitingCount;
  }

  apply(batch: JournalAppend): void {
    this.#seq = Math.max(this.#seq, batch.seq);
    for (const record of batch.records) {
      this.#written += 1;
      const known = this.#latest.get(record.recordKey);
      if (known !== undefined && known.seq > batch.seq) continue;
      if (known !== undefined && isWaiting(known.record)) this.#waitingCount -= 1;
      if (isWaiting(record)) this.#waitingCount += 1;
      this.#latest.set(record.recordKey, { seq: batch.seq, record });
    }
  }

  /** Every record with waiting changes, in the order their latest state was stamped. */
  waiting(): JournalRecord[] {
    return [...this.#latest.values()]
      .filter((latest) => isWaiting(latest.record))
      .sort((a, b) => a.seq - b.seq)
      .map((latest) => latest.record);
  }

  /** After a rewrite: the file holds exactly `records` at `seq`. */
  static rewritten(seq: number, records: readonly JournalRecord[]): JournalState {
    const state = new JournalState(seq);
    for (const record of records) state.apply({ connectionId: '', seq, records: [record] });
    state.#written = state.#waitingCount;
    return state;
  }
}

/** Compact when the history outweighs what waits (and is worth a rewrite). */
export function shouldCompact(state: JournalState): boolean {
  return state.dead >= 64 && state.dead > state.waitingCount;
}
