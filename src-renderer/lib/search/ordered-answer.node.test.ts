// An answer is put in order only as far as it is read: the first screenful walks the order up to
// its last row, the rest follows slice by slice, and every way of reading gives the same docs.
import { describe, expect, it } from 'vitest';
import { confirmingAnswer, placedAnswer, walkedAnswer, wholeOrderAnswer } from './ordered-answer';

/** A shuffled order of `size` docs and a hit bitset of every `every`-th doc. */
function world(size: number, every: number, seed = 7) {
  const order = Int32Array.from({ length: size }, (_, doc) => doc);
  let state = seed;
  for (let i = size - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const hits = new Uint32Array((size + 31) >>> 5);
  let count = 0;
  for (let doc = 0; doc < size; doc += every) {
    hits[doc >>> 5]! |= 1 << (doc & 31);
    count += 1;
  }
  const expected = Array.from(order).filter((doc) => doc % every === 0);
  return { order, hits, count, expected };
}

describe('walkedAnswer', () => {
  it('gives the first screenful, the count and then every hit in order', () => {
    const { order, hits, count, expected } = world(10_000, 3);
    const answer = walkedAnswer(order, hits, count);
    expect(answer.count).toBe(expected.length);
    expect(Array.from(answer.first(80))).toEqual(expected.slice(0, 80));
    expect(Array.from(answer.all())).toEqual(expected);
    expect(Array.from(answer.first(5))).toEqual(expected.slice(0, 5));
  });

  it('walks only up to the first screenful, the rest slice by slice', () => {
    const { order, hits, count, expected } = world(10_000, 2);
    const answer = walkedAnswer(order, hits, count);
    answer.first(10);
    let slices = 0;
    while (!answer.advance(1_000)) slices += 1;
    // Ten slices of 1,000 cover the order; the first screenful walked only a few dozen docs.
    expect(slices).toBeGreaterThanOrEqual(8);
    expect(Array.from(answer.all())).toEqual(expected);
  });

  it('holds fewer rows than asked when fewer match, and none for no hit', () => {
    const { order, hits, count, expected } = world(1_000, 400);
    expect(Array.from(walkedAnswer(order, hits, count).first(80))).toEqual(expected);
    const none = walkedAnswer(order, new Uint32Array(32), 0);
    expect([none.count, none.first(80).length, none.advance(1), none.all().length]).toEqual([
      0,
      0,
      true,
      0,
    ]);
  });
});

describe('placedAnswer and wholeOrderAnswer', () => {
  it('read the same docs as the arrays they stand for, first rows as copies', () => {
    const docs = Int32Array.from([5, 3, 9, 1]);
    const placed = placedAnswer(docs);
    expect([placed.count, Array.from(placed.first(2)), placed.advance(1)]).toEqual([
      4,
      [5, 3],
      true,
    ]);
    const whole = wholeOrderAnswer(docs);
    const head = whole.first(3);
    head[0] = 99;
    expect(Array.from(whole.all())).toEqual([5, 3, 9, 1]);
    // The whole order's copy is the answer's own: a later change of the order leaves it as it was.
    docs[0] = 42;
    expect(Array.from(whole.all())).toEqual([5, 3, 9, 1]);
  });
});

describe('confirmingAnswer', () => {
  /** Sure hits every 5th doc, candidates every 3rd (not sure), of which those even are real. */
  function candidates(size: number) {
    const { order } = world(size, 1);
    const sure = new Uint32Array((size + 31) >>> 5);
    const maybe = new Uint32Array((size + 31) >>> 5);
    for (let doc = 0; doc < size; doc += 1) {
      if (doc % 5 === 0) sure[doc >>> 5]! |= 1 << (doc & 31);
      else if (doc % 3 === 0) maybe[doc >>> 5]! |= 1 << (doc & 31);
    }
    const confirmed: number[] = [];
    const confirm = (doc: number) => {
      confirmed.push(doc);
      return doc % 2 === 0;
    };
    const expected = Array.from(order).filter(
      (doc) => doc % 5 === 0 || (doc % 3 === 0 && doc % 2 === 0),
    );
    return { order, sure, maybe, confirm, confirmed, expected };
  }

  it('confirms only the candidates the first screenful walks past, and counts once at the end', () => {
    const { order, sure, maybe, confirm, confirmed, expected } = candidates(10_000);
    const answer = confirmingAnswer(order, sure, maybe, confirm);
    expect(Array.from(answer.first(80))).toEqual(expected.slice(0, 80));
    // About 80 / (1/5 + 1/15) docs walked, a quarter of them candidates: nowhere near 2,667.
    expect(confirmed.length).toBeLessThan(200);
    expect([answer.exact, answer.count]).toEqual([false, 80]);
    const walked = confirmed.length;
    let slices = 0;
    while (!answer.advance(1_000)) slices += 1;
    expect(slices).toBeGreaterThanOrEqual(8);
    expect([answer.exact, answer.count]).toEqual([true, expected.length]);
    expect(Array.from(answer.all())).toEqual(expected);
    // Each candidate was read once; those after the first screenful in doc order (as the texts
    // are kept), not in the order's.
    expect(new Set(confirmed).size).toBe(confirmed.length);
    const rest = confirmed.slice(walked);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
  });

  it('is exact at once when every hit is in the first screenful, and empty for no hit', () => {
    const { order, sure, maybe, confirm, expected } = candidates(300);
    const answer = confirmingAnswer(order, sure, maybe, confirm);
    expect(Array.from(answer.first(1_000))).toEqual(expected);
    expect([answer.exact, answer.count]).toEqual([true, expected.length]);
    const none = confirmingAnswer(order, new Uint32Array(10), new Uint32Array(10), confirm);
    expect([none.first(80).length, none.exact, none.count]).toEqual([0, true, 0]);
  });
});
