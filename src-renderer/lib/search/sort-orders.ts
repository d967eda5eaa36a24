// The index's sort orders: every live doc in one order (a column, either way; ties by name, then
// doc number), with each doc's rank in it. Sorting 1,000,000 names takes about a second, so a
// sorted order is kept and patched when a few docs changed (a save, a small pull) instead of being
// sorted again; many changes (the first read, a big pull) drop it until the next query needs it.
import type { SortOrder } from './search-types';

export interface SortedDocs {
  /** Every live doc in this order. */
  readonly docs: Int32Array;
  /** rank[doc]: the doc's position in `docs` (-1: not live). */
  readonly rank: Int32Array;
}

export interface SortSource {
  /** The folded sort key of a live doc for a column ('name' or a list column id). */
  keyOf(doc: number, column: string): string;
  /** Every live doc, in any order. */
  liveDocs(): number[];
  isLive(doc: number): boolean;
  /** One past the highest doc number ever used. */
  readonly docCapacity: number;
}

/** Patching costs a copy of the order per change batch; past this many a fresh sort is cheaper. */
const patchLimit = 5_000;

interface Kept {
  sorted: SortedDocs;
  readonly pending: Set<number>;
}

export class SortOrders {
  readonly #source: SortSource;
  readonly #kept = new Map<string, Kept>();

  constructor(source: SortSource) {
    this.#source = source;
  }

  /** A doc was added, changed or removed. */
  changed(doc: number): void {
    for (const [id, kept] of this.#kept) {
      kept.pending.add(doc);
      if (kept.pending.size > patchLimit) this.#kept.delete(id);
    }
  }

  get(sort: SortOrder): SortedDocs {
    const id = `${sort.column}:${sort.descending ? 'desc' : 'asc'}`;
    const kept = this.#kept.get(id);
    if (!kept) {
      const docs = Int32Array.from(this.#sortedLive(sort));
      const sorted = { docs, rank: this.#ranks(docs) };
      this.#kept.set(id, { sorted, pending: new Set() });
      return sorted;
    }
    if (kept.pending.size > 0) {
      kept.sorted = this.#patched(kept.sorted, kept.pending, this.#comparator(sort));
      kept.pending.clear();
    }
    return kept.sorted;
  }

  /**
   * Every live doc in this order. The keys are read once per doc before sorting (a key may be
   * put together on each read: see entry-columns.ts), not once per comparison.
   */
  #sortedLive(sort: SortOrder): number[] {
    const live = this.#source.liveDocs();
    const keys: string[] = [];
    const names: string[] = [];
    for (const doc of live) {
      keys[doc] = this.#source.keyOf(doc, sort.column);
      names[doc] = sort.column === 'name' ? keys[doc] : this.#source.keyOf(doc, 'name');
    }
    return live.sort(
      this.#comparator(sort, (doc, column) => (column === 'name' ? names : keys)[doc]!),
    );
  }

  #comparator(
    sort: SortOrder,
    keyOf: (doc: number, column: string) => string = (doc, column) =>
      this.#source.keyOf(doc, column),
  ): (a: number, b: number) => number {
    const direction = sort.descending ? -1 : 1;
    return (a, b) => {
      const ka = keyOf(a, sort.column);
      const kb = keyOf(b, sort.column);
      if (ka !== kb) return (ka < kb ? -1 : 1) * direction;
      const na = keyOf(a, 'name');
      const nb = keyOf(b, 'name');
      if (na !== nb) return na < nb ? -1 : 1;
      return a - b;
    };
  }

  /** The order without the changed docs, then each live one inserted where it now belongs. */
  #patched(
    old: SortedDocs,
    changed: ReadonlySet<number>,
    compare: (a: number, b: number) => number,
  ): SortedDocs {
    const kept = old.docs.filter((doc) => !changed.has(doc));
    const inserted = [...changed].filter((doc) => this.#source.isLive(doc)).sort(compare);
    const docs = new Int32Array(kept.length + inserted.length);
    // Each changed doc finds its place by halving (few compares), the kept runs are block copies.
    let from = 0;
    let out = 0;
    for (const doc of inserted) {
      let low = from;
      let high = kept.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (compare(kept[middle]!, doc) < 0) low = middle + 1;
        else high = middle;
      }
      docs.set(kept.subarray(from, low), out);
      out += low - from;
      docs[out++] = doc;
      from = low;
    }
    docs.set(kept.subarray(from), out);
    return { docs, rank: this.#ranks(docs) };
  }

  #ranks(docs: Int32Array): Int32Array {
    const rank = new Int32Array(this.#source.docCapacity).fill(-1);
    for (let position = 0; position < docs.length; position += 1) rank[docs[position]!] = position;
    return rank;
  }
}
