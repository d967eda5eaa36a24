// A query's answer in sort order, put in order only as far as it is read. The count is known as
// soon as the hits are (the bits set), but placing them in order is one walk of the whole sort
// order (1,000,000 docs) whatever the count: the first screenful needs only the walk up to its
// last row, and the rest can follow in slices, or not at all when a newer query comes first.

export interface OrderedAnswer {
  /** How many docs match. */
  readonly count: number;
  /** The first `n` docs in order, as a copy (the walk goes only as far as they are). */
  first(n: number): Int32Array;
  /** Walks on by up to `steps` docs of the order; true once every hit is in place. */
  advance(steps: number): boolean;
  /** Every matching doc in order (walks the rest now). The answer's own: copy it to move it. */
  all(): Int32Array;
}

/** An answer already in order (few hits sorted by rank, a filtered walk, a narrowed answer). */
export function placedAnswer(docs: Int32Array): OrderedAnswer {
  return {
    count: docs.length,
    first: (n) => docs.slice(0, n),
    advance: () => true,
    all: () => docs,
  };
}

/** Every doc of the order (an empty search): its head at once, the copy of the rest on demand. */
export function wholeOrderAnswer(order: Int32Array): OrderedAnswer {
  let copy: Int32Array | null = null;
  const all = () => (copy ??= order.slice());
  return {
    count: order.length,
    first: (n) => (copy ?? order).slice(0, n),
    advance: () => all() !== null,
    all,
  };
}

/**
 * The docs of the order whose bit is set in `hits` (`count` of them, every one a live doc in the
 * order), placed by walking the order from its start. `hits` and `order` must not change while
 * it is read: the index drops the answer on any change.
 */
export function walkedAnswer(order: Int32Array, hits: Uint32Array, count: number): OrderedAnswer {
  const out = new Int32Array(count);
  let placed = 0;
  let at = 0;
  /** Walks until `wanted` docs are placed or `end` of the order is reached. */
  const walk = (wanted: number, end: number) => {
    const stop = Math.min(end, order.length);
    // Locals in the loop: the closure's own variables are slower to read and write per step.
    let i = at;
    let n = placed;
    while (n < wanted && i < stop) {
      const doc = order[i]!;
      i += 1;
      if ((hits[doc >>> 5]! & (1 << (doc & 31))) !== 0) out[n++] = doc;
    }
    at = i;
    placed = n;
  };
  // A guard: were a set bit's doc not in the order, the walk ends short of the count.
  const done = () => placed === count || at >= order.length;
  return {
    count,
    first(n) {
      walk(Math.min(n, count), order.length);
      return out.slice(0, Math.min(n, placed));
    },
    advance(steps) {
      walk(count, at + steps);
      return done();
    },
    all() {
      walk(count, order.length);
      return placed === count ? out : out.subarray(0, placed);
    },
  };
}
