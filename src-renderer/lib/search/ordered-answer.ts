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
 * word has 50,000–125,000 of them). Beyond the first screenful (`advance`, `all`) the candidates
 * left are confirmed in doc order first — texts are kept in doc order, so that reads memory
 * forward where the walk would jump — and the walk on tests bits only. The count is exact once
 * every candidate is settled and the walk is at the end. `sure` and `maybe` must be disjoint and
 * are the answer's own from then on (it moves confirmed candidates into `sure`); `order` must
 * not change while it is read.
 */
export function confirmingAnswer(
  order: Int32Array,
  sure: Uint32Array,
  maybe: Uint32Array,
  confirm: (doc: number) => boolean,
): OrderedAnswer {
  const out = new Int32Array(Math.min(popcount(sure) + popcount(maybe), order.length));
  /** Hits in all: the candidates' bound until every one is settled, then exact. */
  let most = out.length;
  let placed = 0;
  let at = 0;
  /** Words of `maybe` before this one are settled (cleared, their hits moved to `sure`). */
  let settled = 0;
  const walk = (wanted: number, end: number) => {
    const stop = Math.min(end, order.length);
    let i = at;
    let n = placed;
    while (n < wanted && i < stop) {
      const doc = order[i]!;
      i += 1;
      const word = doc >>> 5;
      const bit = 1 << (doc & 31);
      if ((sure[word]! & bit) !== 0) {
        out[n++] = doc;
      } else if ((maybe[word]! & bit) !== 0) {
        // Read once: settled here, never again in doc order.
        maybe[word]! &= ~bit;
        if (confirm(doc)) {
          sure[word]! |= bit;
          out[n++] = doc;
        }
      }
    }
    at = i;
    placed = n;
  };
  /** Confirms the candidates of up to `words` words of `maybe` (32 doc numbers each). */
  const settle = (words: number) => {
    const end = Math.min(maybe.length, settled + words);
    for (let word = settled; word < end; word += 1) {
      let bits = maybe[word]!;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        if (confirm(word * 32 + 31 - Math.clz32(low))) sure[word]! |= low;
      }
      maybe[word] = 0;
    }
    settled = end;
    // Every candidate settled: `sure` holds every hit (those walked past included).
    if (settled === maybe.length) most = popcount(sure);
  };
  const done = () => placed === most || at >= order.length;
  return {
    get count() {
      return placed;
    },
    get exact() {
      return done();
    },
    first(n) {
      walk(Math.min(n, most), order.length);
      return out.slice(0, Math.min(n, placed));
    },
    advance(steps) {
      if (done()) return true;
      if (settled < maybe.length) {
        settle(Math.max(1, steps >>> 5));
        return done();
      }
      walk(most, at + steps);
      return done();
    },
    all() {
      if (settled < maybe.length) settle(maybe.length);
      walk(most, order.length);
      return out.subarray(0, placed);
    },
  };
}
