// A query's answer in sort order, put in order only as far as it is read. The count is known as
// soon as the hits are (the bits set), but placing them in order is one walk of the whole sort
// order (1,000,000 docs) whatever the count: the first screenful needs only the walk up to its
// last row, and the rest can follow in slices, or not at all when a newer query comes first.
// Where hits must still be confirmed on their text, even the count waits for that walk
// (`confirmingAnswer`): the first screenful is confirmed at once, the rest as it is walked.
import { popcount } from './packed-postings';

export interface OrderedAnswer {
  /** How many docs match; while not `exact`, how many were found so far (fewer than match). */
  readonly count: number;
  /** Whether `count` is final (every hit confirmed); `advance` to the end or `all` makes it so. */
  readonly exact: boolean;
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
    exact: true,
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
    exact: true,
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
    exact: true,
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

/**
 * The docs of the order whose bit is set in `sure`, or in `maybe` and `confirm`ed, placed by
 * walking the order from its start: a candidate is read on its text only when the walk reaches
 * it, so the first screenful costs its own rows, not every candidate (at 1,000,000 a four-letter
 * word has 50,000–125,000 of them, ~0.4 µs each). The count is exact once the walk is at the end.
 * `sure` and `maybe` are disjoint; neither (nor `order`) may change while it is read.
 */
export function confirmingAnswer(
  order: Int32Array,
  sure: Uint32Array,
  maybe: Uint32Array,
  confirm: (doc: number) => boolean,
): OrderedAnswer {
  const most = popcount(sure) + popcount(maybe);
  const out = new Int32Array(Math.min(most, order.length));
  let placed = 0;
  let at = 0;
  const walk = (wanted: number, end: number) => {
    const stop = Math.min(end, order.length);
    let i = at;
    let n = placed;
    while (n < wanted && i < stop) {
      const doc = order[i]!;
      i += 1;
      const word = doc >>> 5;
      const bit = 1 << (doc & 31);
      if ((sure[word]! & bit) !== 0 || ((maybe[word]! & bit) !== 0 && confirm(doc))) {
        out[n++] = doc;
      }
    }
    at = i;
    placed = n;
  };
  // Every candidate placed, or the order walked to its end: nothing more can match.
  const done = () => placed === out.length || at >= order.length;
  return {
    get count() {
      return placed;
    },
    get exact() {
      return done();
    },
    first(n) {
      walk(Math.min(n, out.length), order.length);
      return out.slice(0, Math.min(n, placed));
    },
    advance(steps) {
      walk(out.length, at + steps);
      return done();
    },
    all() {
      walk(out.length, order.length);
      return out.subarray(0, placed);
    },
  };
}
