// The search worker's duplicate index, fed after the list is served: reading 100,000 names into
// word, typo and phone postings costs seconds of CPU, so the terms wait until the list's first
// load is complete and then go in slices between the list's own queries. A check drains a short
// queue first (a save just written is a candidate at once) and otherwise answers from what is
// indexed so far. A row is admitted at once (its key and name: the record's own strings, which
// the search index keeps too); the rest of its duplicate fields waits packed into a byte arena
// (text-arena.ts), not as strings on the JS heap, and the arena is released once all is indexed.
import {
  DuplicateIndex,
  type CheckOptions,
  type DuplicateCandidate,
  type DuplicateFields,
} from '../../../src-shared/duplicates';
import { packFields, unpackFields } from '../../../src-shared/duplicates/packed-fields';
import { TextArena } from '../../../src-shared/duplicates/text-arena';

/** Rows indexed per turn of the worker's event loop (a few ms each at most). */
const sliceSize = 500;
/** A check indexes this many waiting rows itself rather than answer without them. */
const drainOnCheck = 2_000;
/** After indexing this many rows in one go, the index gives back the room it grew into. */
const trimAfter = 10_000;

export class DuplicateFeed {
  readonly #index = new DuplicateIndex();
  /** The waiting rows' fields but the name, packed, in the order they came. */
  readonly #arena = new TextArena();
  /** Per arena entry, the doc it was packed for. */
  #entryDoc = new Int32Array(1_024);
  /** The next arena entry to index. */
  #next = 0;
  /** Per doc: its waiting arena entry + 1, or 0 (indexed, or a newer row of it came). */
  #waitingEntry = new Int32Array(1_024);
  #waiting = 0;
  /** Rows indexed since the index last gave back its spare room. */
  #indexedSinceTrim = 0;
  readonly #nextTurn: () => Promise<void>;
  #started = false;
  #draining = false;

  constructor(nextTurn: () => Promise<void> = () => new Promise((go) => setTimeout(go, 0))) {
    this.#nextTurn = nextTurn;
  }

  get indexed(): number {
    return this.#index.size;
  }

  get waiting(): number {
    return this.#waiting;
  }

  upsert(key: string, fields: DuplicateFields): void {
    const old = this.#index.docOf(key);
    if (old !== undefined) this.#forget(old);
    const doc = this.#index.admit(key, fields.name);
    const entry = this.#arena.push(packFields({ ...fields, name: '' }));
    if (entry === this.#entryDoc.length) this.#entryDoc = grown(this.#entryDoc, entry * 2);
    this.#entryDoc[entry] = doc;
    if (doc >= this.#waitingEntry.length) {
      this.#waitingEntry = grown(this.#waitingEntry, Math.max(doc + 1, doc * 2));
    }
    this.#waitingEntry[doc] = entry + 1;
    this.#waiting += 1;
    this.#drainSoon();
  }

  /** The row left the store: its waiting fields are dropped and its terms leave the index. */
  remove(key: string): void {
    const doc = this.#index.docOf(key);
    if (doc !== undefined) this.#forget(doc);
    this.#index.remove(key);
  }

  retainOnly(keys: ReadonlySet<string>): void {
    for (let entry = this.#next; entry < this.#arena.entries; entry++) {
      const doc = this.#entryDoc[entry]!;
      const key = this.#index.keyOf(doc);
      if (key !== undefined && !keys.has(key)) this.#forget(doc);
    }
    this.#index.retainOnly(keys);
  }

  /** The list's first load is complete: index what waits, slice by slice. */
  start(): void {
    this.#started = true;
    this.#drainSoon();
  }

  check(probe: DuplicateFields, options: CheckOptions): DuplicateCandidate[] {
    if (this.#waiting <= drainOnCheck) this.#take(this.#waiting);
    return this.#index.check(probe, options);
  }

  /** Resolves when nothing waits (tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.#waiting > 0) await this.#nextTurn();
  }

  /** The doc's waiting row (if any) is not to be indexed: it left, or a newer one came. */
  #forget(doc: number): void {
    if (doc >= this.#waitingEntry.length || this.#waitingEntry[doc] === 0) return;
    this.#waitingEntry[doc] = 0;
    this.#waiting -= 1;
    this.#releaseWhenEmpty();
  }

  #drainSoon(): void {
    if (!this.#started || this.#draining) return;
    this.#draining = true;
    void (async () => {
      while (this.#waiting > 0) {
        await this.#nextTurn();
        this.#take(sliceSize);
      }
      this.#draining = false;
    })();
  }

  #take(count: number): void {
    let taken = 0;
    while (taken < count && this.#next < this.#arena.entries) {
      const entry = this.#next;
      this.#next += 1;
      const doc = this.#entryDoc[entry]!;
      if (this.#waitingEntry[doc] !== entry + 1) continue;
      this.#waitingEntry[doc] = 0;
      this.#waiting -= 1;
      const fields = unpackFields(this.#arena.text(entry));
      this.#index.indexTerms(doc, { ...fields, name: this.#index.nameOf(doc) });
      taken += 1;
    }
    this.#indexedSinceTrim += taken;
    this.#releaseWhenEmpty();
  }

  /** Nothing waits: the arena's memory goes, and its entry numbers start again. */
  #releaseWhenEmpty(): void {
    if (this.#waiting > 0) return;
    if (this.#indexedSinceTrim >= trimAfter) {
      this.#index.trim();
      this.#indexedSinceTrim = 0;
    }
    this.#arena.reset();
    this.#entryDoc = new Int32Array(1_024);
    this.#next = 0;
  }
}

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(size);
  copy.set(array);
  return copy;
}
