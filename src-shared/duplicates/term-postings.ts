// Keys (a word, phone digits, a domain) and the customers that have them, by number: a key is a
// term number, and a customer is a doc number, not its key string. Most keys belong to one
// customer, so that one doc sits in a typed array; only keys of two or more customers get an
// array of docs. How a key's text finds its term is the subclass's choice: the words keep their
// text (the matcher compares and sorts them), the other keys only a 64-bit hash of it.

/** In `#single`: the term has no doc. */
const none = -1;
/** In `#single`: the term's docs are in `#shared`. */
const many = -2;

export abstract class TermPostings {
  #terms = 0;
  #single = new Int32Array(1024);
  readonly #shared = new Map<number, number[]>();

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
    if (term === this.#single.length) {
      const grown = new Int32Array(term * 2);
      grown.set(this.#single);
      this.#single = grown;
    }
    this.#single[term] = none;
    return term;
  }

  docs(term: number): readonly number[] {
    if (term < 0) return [];
    const single = this.#single[term]!;
    if (single === none) return [];
    return single === many ? this.#shared.get(term)! : [single];
  }

  count(term: number): number {
    if (term < 0) return 0;
    const single = this.#single[term]!;
    if (single === none) return 0;
    return single === many ? this.#shared.get(term)!.length : 1;
  }

  /** Adds `doc` to the term; the caller adds a doc to a term at most once. */
  add(term: number, doc: number): void {
    const single = this.#single[term]!;
    if (single === none) this.#single[term] = doc;
    else if (single === many) this.#shared.get(term)!.push(doc);
    else {
      this.#shared.set(term, [single, doc]);
      this.#single[term] = many;
    }
  }

  remove(term: number, doc: number): void {
    const single = this.#single[term]!;
    if (single === doc) this.#single[term] = none;
    if (single !== many) return;
    const docs = this.#shared.get(term)!;
    const at = docs.indexOf(doc);
    if (at < 0) return;
    // splice, not swap: candidates keep the order in which their customers came.
    docs.splice(at, 1);
    if (docs.length === 1) {
      this.#single[term] = docs[0]!;
      this.#shared.delete(term);
    }
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
  /** Per term: its two hashes. */
  #hashA = new Int32Array(1024);
  #hashB = new Int32Array(1024);
  /** Open addressing by hash A: term + 1, 0 = empty slot. Kept at most half full. */
  #slots = new Int32Array(2048);

  find(text: string): number {
    const a = hashA(text);
    const b = hashB(text);
    const mask = this.#slots.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const term = this.#slots[slot]! - 1;
      if (term < 0) return -1;
      if (this.#hashA[term] === a && this.#hashB[term] === b) return term;
    }
  }

  intern(text: string): number {
    const known = this.find(text);
    if (known >= 0) return known;
    const term = this.newTerm();
    if (term === this.#hashA.length) {
      this.#hashA = grown(this.#hashA, term * 2);
      this.#hashB = grown(this.#hashB, term * 2);
    }
    this.#hashA[term] = hashA(text);
    this.#hashB[term] = hashB(text);
    if ((term + 1) * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#place(term);
    return term;
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

function grown(array: Int32Array, size: number): Int32Array {
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
