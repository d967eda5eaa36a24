// The search worker's duplicate index, fed after the list is served: reading 100,000 names into
// word, typo and phone postings costs seconds of CPU, so rows wait in a queue until the list's
// first load is complete and then go in slices between the list's own queries. A check drains a
// short queue first (a save just written is a candidate at once) and otherwise answers from what
// is indexed so far. A waiting row is kept packed into one string (packed-fields.ts), and is
// released as soon as it is indexed.
import {
  DuplicateIndex,
  type CheckOptions,
  type DuplicateCandidate,
  type DuplicateFields,
} from '../../../src-shared/duplicates';
import { packFields, unpackFields } from '../../../src-shared/duplicates/packed-fields';

/** Rows indexed per turn of the worker's event loop (a few ms each at most). */
const sliceSize = 500;
/** A check indexes this many waiting rows itself rather than answer without them. */
const drainOnCheck = 2_000;

export class DuplicateFeed {
  readonly #index = new DuplicateIndex();
  readonly #waiting = new Map<string, string>();
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
    return this.#waiting.size;
  }

  upsert(key: string, fields: DuplicateFields): void {
    this.#waiting.set(key, packFields(fields));
    this.#drainSoon();
  }

  remove(key: string): void {
    this.#waiting.delete(key);
    this.#index.remove(key);
  }

  retainOnly(keys: ReadonlySet<string>): void {
    for (const key of [...this.#waiting.keys()]) if (!keys.has(key)) this.#waiting.delete(key);
    this.#index.retainOnly(keys);
  }

  /** The list's first load is complete: index what waits, slice by slice. */
  start(): void {
    this.#started = true;
    this.#drainSoon();
  }

  check(probe: DuplicateFields, options: CheckOptions): DuplicateCandidate[] {
    if (this.#waiting.size <= drainOnCheck) this.#take(this.#waiting.size);
    return this.#index.check(probe, options);
  }

  /** Resolves when nothing waits (tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.#waiting.size > 0) await this.#nextTurn();
  }

  #drainSoon(): void {
    if (!this.#started || this.#draining) return;
    this.#draining = true;
    void (async () => {
      while (this.#waiting.size > 0) {
        await this.#nextTurn();
        this.#take(sliceSize);
      }
      this.#draining = false;
    })();
  }

  #take(count: number): void {
    let taken = 0;
    for (const [key, packed] of this.#waiting) {
      if (taken === count) break;
      this.#waiting.delete(key);
      this.#index.upsert(key, unpackFields(packed));
      taken += 1;
    }
  }
}
