// Posting lists of the search index: for every one-, two- and three-character gram of a set of texts
// (and four-character ones where asked: the phone digits), the docs whose text holds it. Docs added lately are in plain postings (a bitset when common, a list
// of doc numbers when rare); every `freezeEvery` docs, and when the index says a bulk read is
// done, they are merged into packed postings (packed-postings.ts: gap-coded bytes or a bitset,
// whichever is smaller), which hold most docs for about a third of the memory. A gram's docs are
// both together. Postings only grow: a doc whose text changed keeps its old grams, and the index
// re-checks such docs' texts.
import {
  packedBytes,
  packMerged,
  popcount,
  union,
  unpack,
  type PackedPosting,
} from './packed-postings';

/** One gram's docs: a bitset once it is common, a list (possibly unsorted) until then. */
export interface Posting {
  bits: Uint32Array | null;
  docs: Int32Array;
  /** Entries in `docs` (a list), or docs ever added (a bitset): the size used to order postings. */
  length: number;
  /** The last doc added: a doc adds each of its grams once. */
  lastDoc: number;
  sorted: boolean;
}

/** Docs found: a bitset over doc numbers, or a sorted list of them. */
export type DocSet = { readonly bits: Uint32Array } | { readonly docs: Int32Array };

/** One gram's docs for a query: a bitset (with how many docs, for ordering) or a sorted list. */
type Source =
  { readonly bits: Uint32Array; readonly count: number } | { readonly docs: Int32Array };

/** Docs added to the plain postings before they are merged into the packed ones. */
const defaultFreezeEvery = 65_536;

/** A list turns into a bitset when 32 × its length reaches the doc capacity (and it is not tiny). */
const minBitsetLength = 256;

export type GramSize = 1 | 2 | 3 | 4;

/**
 * A gram as a key: a small integer for the chars folded texts and digits are made of (fast Map
 * keys, never equal across sizes), else the gram itself.
 */
export function gramKey(text: string, at: number, size: GramSize): number | string {
  const a = text.charCodeAt(at);
  if (size === 1) return a;
  const b = text.charCodeAt(at + 1);
  if (size === 2) return a < 1_024 && b < 1_024 ? 0x10_0000 + a * 1_024 + b : text.substr(at, 2);
  const c = text.charCodeAt(at + 2);
  if (size === 3) {
    return a < 512 && b < 512 && c < 512
      ? 0x1000_0000 + (a * 512 + b) * 512 + c
      : text.substr(at, 3);
  }
  const d = text.charCodeAt(at + 3);
  // Above every three-char key (< 0x1800_0000) and still a small integer (< 2^30).
  return a < 128 && b < 128 && c < 128 && d < 128
    ? 0x2000_0000 + ((a * 128 + b) * 128 + c) * 128 + d
    : text.substr(at, 4);
}

export class GramPostings {
  /** Docs added since the last merge into the packed postings. */
  #postings = new Map<number | string, Posting>();
  readonly #packed = new Map<number | string, PackedPosting>();
  readonly #freezeEvery: number;
  #addedSinceFreeze = 0;
  /** Doc numbers below this fit every bitset (grown by doubling). */
  #capacity = 1_024;
  /** The char between two fields of a text: no gram spans it. */
  readonly #separator: number;
  /** The longest gram kept: a term up to this long is found exactly by its own posting. */
  readonly exactLength: GramSize;

  constructor(
    separator: string,
    freezeEvery = defaultFreezeEvery,
    exactLength: GramSize = defaultExactLength,
  ) {
    this.#separator = separator.charCodeAt(0);
    this.#freezeEvery = freezeEvery;
    this.exactLength = exactLength;
  }

  /** Adds the grams of `text` up to `exactLength` chars, none spanning two of its fields. */
  add(doc: number, text: string): void {
    if (this.#addedSinceFreeze >= this.#freezeEvery) this.freeze();
    this.#addedSinceFreeze += 1;
    if (doc >= this.#capacity) this.#grow(doc);
    const separator = this.#separator;
    const longest = this.exactLength;
    let fieldStart = 0;
    for (let at = 0; at <= text.length; at += 1) {
      if (at < text.length && text.charCodeAt(at) !== separator) continue;
      for (let start = fieldStart; start < at; start += 1) {
        this.#addGram(gramKey(text, start, 1), doc);
        if (start + 1 < at) this.#addGram(gramKey(text, start, 2), doc);
        if (start + 2 < at) this.#addGram(gramKey(text, start, 3), doc);
        if (longest === 4 && start + 3 < at) this.#addGram(gramKey(text, start, 4), doc);
      }
      fieldStart = at + 1;
    }
  }

  /** Merges the docs added lately into the packed postings (a bulk read is done). */
  freeze(): void {
    this.#addedSinceFreeze = 0;
    if (this.#postings.size === 0) return;
    for (const [key, posting] of this.#postings) {
      this.#packed.set(key, packMerged(this.#packed.get(key), docsOf(posting)));
    }
    this.#postings = new Map();
  }

  /** Bytes held by the postings (for the docs on memory). */
  get bytes(): number {
    let total = 0;
    for (const posting of this.#postings.values()) {
      total += posting.bits ? posting.bits.byteLength : posting.docs.byteLength;
    }
    for (const posting of this.#packed.values()) total += packedBytes(posting);
    return total;
  }

  /** The grams a term needs: itself when short (exact), else each of its longest grams. */
  termGrams(term: string): (number | string)[] {
    return termGrams(term, this.exactLength);
  }

  /**
   * The docs holding every gram of `keys` (smallest posting first): a list when the rarest gram
   * is a list, else the AND of the bitsets. Null when a gram occurs nowhere.
   */
  intersect(keys: readonly (number | string)[]): DocSet | null {
    const postings: Source[] = [];
    for (const key of new Set(keys)) {
      const source = this.#source(key);
      if (!source) return null;
      postings.push(source);
    }
    postings.sort((a, b) => sizeOf(a) - sizeOf(b));
    const [smallest, ...others] = postings;
    if (!smallest) return null;
    if ('docs' in smallest) {
      // One posting at a time, smallest first: each pass reads only the docs still kept.
      let kept = smallest.docs;
      for (const posting of others) {
        if (kept.length === 0) break;
        kept = 'bits' in posting ? withinBits(kept, posting.bits) : withinList(kept, posting.docs);
      }
      return { docs: kept };
    }
    const bits = smallest.bits.slice();
    for (const posting of others) {
      const other = (posting as { bits: Uint32Array }).bits;
      for (let word = 0; word < bits.length; word += 1) bits[word]! &= other[word] ?? 0;
    }
    return { bits };
  }

  /** A gram's docs, the packed and the recent ones together (null: in no doc). */
  #source(key: number | string): Source | null {
    const recent = this.#postings.get(key);
    const packed = this.#packed.get(key);
    if (!packed) {
      if (!recent) return null;
      return recent.bits
        ? { bits: recent.bits, count: recent.length }
        : { docs: sortedDocs(recent) };
    }
    if (!recent)
      return packed.bits ? { bits: packed.bits, count: packed.count } : { docs: unpack(packed) };
    if (!packed.bits && !recent.bits) return { docs: union(unpack(packed), sortedDocs(recent)) };
    // One of them is a bitset: both go into one (a copy; the postings stay as they are).
    const words = Math.max(
      packed.bits?.length ?? 0,
      recent.bits?.length ?? 0,
      this.#capacity >>> 5,
    );
    const bits = new Uint32Array(words);
    for (const part of [packed.bits, recent.bits]) {
      if (part) for (let word = 0; word < part.length; word += 1) bits[word]! |= part[word]!;
    }
    for (const list of [
      packed.bits ? null : unpack(packed),
      recent.bits ? null : sortedDocs(recent),
    ]) {
      if (list) for (const doc of list) bits[doc >>> 5]! |= 1 << (doc & 31);
    }
    return { bits, count: packed.count + recent.length };
  }

  #addGram(key: number | string, doc: number): void {
    let posting = this.#postings.get(key);
    if (!posting) {
      posting = { bits: null, docs: new Int32Array(4), length: 0, lastDoc: -1, sorted: true };
      this.#postings.set(key, posting);
    }
    if (posting.lastDoc === doc) return;
    posting.lastDoc = doc;
    if (posting.bits) {
      posting.bits[doc >>> 5]! |= 1 << (doc & 31);
      posting.length += 1;
      return;
    }
    if (posting.length === posting.docs.length) {
      if (posting.length >= minBitsetLength && posting.length * 32 >= this.#capacity) {
        posting.bits = new Uint32Array(this.#capacity >>> 5);
        for (let i = 0; i < posting.length; i += 1) {
          const old = posting.docs[i]!;
          posting.bits[old >>> 5]! |= 1 << (old & 31);
        }
        posting.docs = new Int32Array(0);
        posting.bits[doc >>> 5]! |= 1 << (doc & 31);
        posting.length += 1;
        return;
      }
      const grown = new Int32Array(posting.length * 2);
      grown.set(posting.docs);
      posting.docs = grown;
    }
    if (posting.length > 0 && posting.docs[posting.length - 1]! >= doc) posting.sorted = false;
    posting.docs[posting.length++] = doc;
  }

  #grow(doc: number): void {
    while (this.#capacity <= doc) this.#capacity *= 2;
    for (const posting of this.#postings.values()) {
      if (!posting.bits) continue;
      const grown = new Uint32Array(this.#capacity >>> 5);
      grown.set(posting.bits);
      posting.bits = grown;
    }
  }
}

function sizeOf(source: Source): number {
  // A bitset's AND costs its words whatever the count: lists go first.
  return 'bits' in source ? Number.MAX_SAFE_INTEGER / 2 + source.count : source.docs.length;
}

/** A plain posting's docs, sorted and without repeats. */
function docsOf(posting: Posting): Int32Array {
  if (!posting.bits) return sortedDocs(posting).slice();
  return unpack({ bits: posting.bits, bytes: null, count: popcount(posting.bits), last: -1 });
}

/** The list, sorted and without repeats (a changed doc adds its grams again). */
function sortedDocs(posting: Posting): Int32Array {
  if (!posting.sorted) {
    const docs = posting.docs.subarray(0, posting.length).sort();
    let count = 0;
    for (let i = 0; i < docs.length; i += 1) {
      if (count === 0 || docs[count - 1] !== docs[i]) docs[count++] = docs[i]!;
    }
    posting.length = count;
    posting.sorted = true;
  }
  return posting.docs.subarray(0, posting.length);
}

/** The docs (sorted) whose bit is set. */
function withinBits(docs: Int32Array, bits: Uint32Array): Int32Array {
  const kept = new Int32Array(docs.length);
  let count = 0;
  for (let i = 0; i < docs.length; i += 1) {
    const doc = docs[i]!;
    if (((bits[doc >>> 5] ?? 0) & (1 << (doc & 31))) !== 0) kept[count++] = doc;
  }
  return kept.subarray(0, count);
}

/**
 * The docs (sorted) that a sorted list holds too. Both ascend, so the list is read forward from
 * where the last doc was found, galloping: a few steps per doc when the list is much longer, one
 * pass of both when they are alike (a binary search per doc cost ~17 steps each at 1,000,000).
 */
function withinList(docs: Int32Array, list: Int32Array): Int32Array {
  const kept = new Int32Array(docs.length);
  let count = 0;
  let at = 0;
  for (let i = 0; i < docs.length && at < list.length; i += 1) {
    const doc = docs[i]!;
    at = firstAtLeast(list, at, doc);
    if (list[at] === doc) kept[count++] = doc;
  }
  return kept.subarray(0, count);
}

/** The first index from `from` on whose value is at least `doc` (list.length if none). */
function firstAtLeast(list: Int32Array, from: number, doc: number): number {
  let low = from;
  let high = from;
  let step = 1;
  // Every value before `low` is below doc; stride on until one is not.
  while (high < list.length && list[high]! < doc) {
    low = high + 1;
    high += step;
    step *= 2;
  }
  if (high > list.length) high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < doc) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The longest gram kept unless asked otherwise (the texts' postings). */
const defaultExactLength: GramSize = 3;

/** The grams a term needs: itself when up to `exact` long, else each of its `exact`-char grams. */
export function termGrams(term: string, exact: GramSize = defaultExactLength): (number | string)[] {
  if (term.length <= exact) return [gramKey(term, 0, term.length as GramSize)];
  const keys: (number | string)[] = [];
  for (let at = 0; at + exact <= term.length; at += 1) keys.push(gramKey(term, at, exact));
  return keys;
}
