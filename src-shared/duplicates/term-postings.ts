// Keys (a word, phone digits, a domain) and the customers that have them, by number: a key is a
// term number, and a customer is a doc number, not its key string. Most keys belong to one
// customer, so that one doc sits in a typed array; only keys of two or more customers get an
// array of docs. How a key's text finds its term is the subclass's choice: the words keep their
// text (the matcher compares and sorts them), the other keys only a 64-bit hash of it.

/** In `#single`: the term has no doc. */
const none = -1;
/** In `#single`, at or below this: the term's docs are in the pool, block `first - #single`. */
const firstBlock = -2;

export abstract class TermPostings {
  #terms = 0;
  /** Per term: its only doc, `none`, or (≤ firstBlock) which pool block holds its docs. */
  #single = new Int32Array(1024);
  // Docs of terms with two or more, in blocks of one shared pool (no array per term): a full
  // block moves to the pool's end with room for half as many again; the pool is compacted when
  // half of it is left behind.
  #pool = new Int32Array(4096);
  #poolEnd = 0;
  #poolGarbage = 0;
  #blockStart = new Int32Array(256);
  #blockCount = new Int32Array(256);
  #blockRoom = new Int32Array(256);
  #blocks = 0;
  readonly #freeBlocks: number[] = [];

  /** The term number of `text`, or -1 when it was never interned. */
  abstract find(text: string): number;

  /** The term number of `text`, made once and kept (a term nobody has any more finds nobody). */
  abstract intern(text: string): number;

  /** How many terms were made. */
  get terms(): number {
    return this.#terms;
  }

  /** A new term, without docs. */
  protected newTerm(): number {
    const term = this.#terms;
    this.#terms += 1;
    if (term === this.#single.length) this.#single = grown(this.#single, term + (term >> 1) + 1);
    this.#single[term] = none;
    return term;
  }

  /** The term's docs, in the order they were added (a view: read it before the next add). */
  docs(term: number): ArrayLike<number> & Iterable<number> {
    if (term < 0) return [];
    const single = this.#single[term]!;
    if (single === none) return [];
    if (single > none) return [single];
    const block = firstBlock - single;
    const start = this.#blockStart[block]!;
    return this.#pool.subarray(start, start + this.#blockCount[block]!);
  }

  count(term: number): number {
    if (term < 0) return 0;
    const single = this.#single[term]!;
    if (single === none) return 0;
    return single > none ? 1 : this.#blockCount[firstBlock - single]!;
  }

  /** Adds `doc` to the term; the caller adds a doc to a term at most once. */
  add(term: number, doc: number): void {
    const single = this.#single[term]!;
    if (single === none) {
      this.#single[term] = doc;
      return;
    }
    if (single > none) {
      const block = this.#newBlock(4);
      this.#pool[this.#blockStart[block]!] = single;
      this.#blockCount[block] = 1;
      this.#single[term] = firstBlock - block;
    }
    const block = firstBlock - this.#single[term]!;
    const count = this.#blockCount[block]!;
    if (count === this.#blockRoom[block]) this.#move(block, count + (count >> 1));
    this.#pool[this.#blockStart[block]! + count] = doc;
    this.#blockCount[block] = count + 1;
  }

  remove(term: number, doc: number): void {
    const single = this.#single[term]!;
    if (single === doc) this.#single[term] = none;
    if (single > firstBlock) return;
    const block = firstBlock - single;
    const start = this.#blockStart[block]!;
    const count = this.#blockCount[block]!;
    const docs = this.#pool.subarray(start, start + count);
    const at = docs.indexOf(doc);
    if (at < 0) return;
    // Shifted, not swapped: candidates keep the order in which their customers came.
    docs.copyWithin(at, at + 1);
    this.#blockCount[block] = count - 1;
    if (count - 1 > 1) return;
    this.#single[term] = this.#pool[start]!;
    this.#poolGarbage += this.#blockRoom[block]!;
    this.#blockRoom[block] = 0;
    this.#blockCount[block] = 0;
    this.#freeBlocks.push(block);
  }

  /**
   * Gives back the room arrays grew into ahead of need (up to half their size): called once a
   * big batch of rows is in, when few more are to come. The next add grows them again.
   */
  trim(): void {
    this.#single = this.#single.slice(0, Math.max(1, this.#terms));
    if (this.#poolGarbage > 0) this.#compact();
    this.#pool = this.#pool.slice(0, Math.max(1, this.#poolEnd));
    const blocks = Math.max(1, this.#blocks);
    this.#blockStart = this.#blockStart.slice(0, blocks);
    this.#blockCount = this.#blockCount.slice(0, blocks);
    this.#blockRoom = this.#blockRoom.slice(0, blocks);
  }

  #newBlock(room: number): number {
    let block = this.#freeBlocks.pop();
    if (block === undefined) {
      block = this.#blocks;
      this.#blocks += 1;
      if (block === this.#blockStart.length) {
        const size = block + (block >> 1) + 1;
        this.#blockStart = grown(this.#blockStart, size);
        this.#blockCount = grown(this.#blockCount, size);
        this.#blockRoom = grown(this.#blockRoom, size);
      }
    }
    this.#blockStart[block] = this.#allocate(room);
    this.#blockRoom[block] = room;
    this.#blockCount[block] = 0;
    return block;
  }

  /** Gives the block `room` at the pool's end, its docs copied. */
  #move(block: number, room: number): void {
    const start = this.#allocate(room);
    const old = this.#blockStart[block]!;
    this.#pool.copyWithin(start, old, old + this.#blockCount[block]!);
    this.#poolGarbage += this.#blockRoom[block]!;
    this.#blockStart[block] = start;
    this.#blockRoom[block] = room;
  }

  #allocate(room: number): number {
    if (this.#poolEnd + room > this.#pool.length) {
      if (this.#poolGarbage > this.#poolEnd / 2) this.#compact();
      if (this.#poolEnd + room > this.#pool.length) {
        const needed = this.#poolEnd + room;
        this.#pool = grown(this.#pool, Math.max(needed, needed + (needed >> 1)));
      }
    }
    const start = this.#poolEnd;
    this.#poolEnd += room;
    return start;
  }

  /** Moves the live blocks together, dropping the room left behind by moved or freed ones. */
  #compact(): void {
    const pool = new Int32Array(this.#pool.length);
    let end = 0;
    for (let block = 0; block < this.#blocks; block++) {
      const room = this.#blockRoom[block]!;
      if (room === 0) continue;
      const start = this.#blockStart[block]!;
      pool.set(this.#pool.subarray(start, start + this.#blockCount[block]!), end);
      this.#blockStart[block] = end;
      end += room;
    }
    this.#pool = pool;
    this.#poolEnd = end;
    this.#poolGarbage = 0;
  }
}

/** Terms that keep their text: the vocabulary of name words. */
export class TextTermPostings extends TermPostings {
  readonly #byText = new Map<string, number>();
  readonly #texts: string[] = [];

  find(text: string): number {
    return this.#byText.get(text) ?? -1;
  }

  intern(text: string): number {
    const known = this.#byText.get(text);
    if (known !== undefined) return known;
    const term = this.newTerm();
    this.#byText.set(text, term);
    this.#texts.push(text);
    return term;
  }

  text(term: number): string {
    return this.#texts[term]!;
  }

  /** Every term's text, in the order they came. */
  get texts(): readonly string[] {
    return this.#texts;
  }
}

/**
 * Terms known only by two independent 32-bit hashes of their text, in an open-addressed table of
 * typed arrays: an email or an address costs 20 bytes instead of its string and a Map entry.
 * Two texts share a term only if both hashes agree (about one chance in 10^10 among a million
 * keys), so a false "Same phone number" is not a practical concern.
 */
export class HashedTermPostings extends TermPostings {
  /** Per term: its two hashes (no second one when a shared term does no harm). */
  #hashA = new Int32Array(1024);
  #hashB: Int32Array<ArrayBuffer> | null;
  /** Open addressing by hash A: term + 1, 0 = empty slot. Kept at most half full. */
  #slots = new Int32Array(2048);

  /**
   * `oneHash`: texts are told apart by hash A alone, 4 bytes less per term; for keys whose false
   * match a later step rejects anyway (typo variants: the word found is compared letter by letter).
   */
  constructor(options: { oneHash?: boolean } = {}) {
    super();
    this.#hashB = options.oneHash === true ? null : new Int32Array(1024);
  }

  find(text: string): number {
    const a = hashA(text);
    const hashesB = this.#hashB;
    const b = hashesB ? hashB(text) : 0;
    const mask = this.#slots.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const term = this.#slots[slot]! - 1;
      if (term < 0) return -1;
      if (this.#hashA[term] === a && (!hashesB || hashesB[term] === b)) return term;
    }
  }

  intern(text: string): number {
    const known = this.find(text);
    if (known >= 0) return known;
    const term = this.newTerm();
    if (term === this.#hashA.length) {
      this.#hashA = grown(this.#hashA, term + (term >> 1) + 1);
      if (this.#hashB) this.#hashB = grown(this.#hashB, term + (term >> 1) + 1);
    }
    this.#hashA[term] = hashA(text);
    if (this.#hashB) this.#hashB[term] = hashB(text);
    if ((term + 1) * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#place(term);
    return term;
  }

  override trim(): void {
    super.trim();
    this.#hashA = this.#hashA.slice(0, Math.max(1, this.terms));
    this.#hashB = this.#hashB?.slice(0, Math.max(1, this.terms)) ?? null;
  }

  #place(term: number): void {
    const mask = this.#slots.length - 1;
    let slot = this.#hashA[term]! & mask;
    while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
    this.#slots[slot] = term + 1;
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size);
    for (let term = 0; term < this.terms; term++) this.#place(term);
  }
}

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(size);
  copy.set(array);
  return copy;
}

/** FNV-1a over UTF-16 code units. */
export function hashA(text: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at++) {
    hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  }
  return hash | 0;
}

/** A multiply-rotate hash with another seed and mixing, independent of hashA's collisions. */
export function hashB(text: string): number {
  let hash = 0x9e3779b9 ^ text.length;
  for (let at = 0; at < text.length; at++) {
    hash = Math.imul(hash ^ text.charCodeAt(at), 0xcc9e2d51);
    hash = (hash << 15) | (hash >>> 17);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return (hash ^ (hash >>> 13)) | 0;
}
