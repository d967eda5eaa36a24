// Which doc number a customer key has: an open-addressing hash table of doc numbers in one
// Int32Array, the keys themselves read from the entries' key column. A Map of 1,000,000 string
// keys costs ~30 bytes per entry of JS heap; this costs 5–11 bytes per doc outside it (the table
// is rebuilt at three quarters full to half full), and no key string is held twice.

/** A slot never used (a lookup stops here) and one whose doc was removed (a lookup goes on). */
const empty = -1;
const removed = -2;

export class DocOfKey {
  readonly #keyOf: (doc: number) => string | undefined;
  #slots = new Int32Array(1_024).fill(empty);
  #size = 0;
  /** Slots holding a doc or `removed`: what decides when the table grows. */
  #used = 0;

  /** `keyOf`: the current key of a doc that is in the table. */
  constructor(keyOf: (doc: number) => string | undefined) {
    this.#keyOf = keyOf;
  }

  get size(): number {
    return this.#size;
  }

  get(key: string): number | undefined {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const doc = slots[slot]!;
      if (doc === empty) return undefined;
      if (doc !== removed && this.#keyOf(doc) === key) return doc;
    }
  }

  /** Adds a key that is not in the table yet (its doc's key column already says it). */
  add(key: string, doc: number): void {
    if ((this.#used + 1) * 4 > this.#slots.length * 3) this.#rehash();
    this.#place(key, doc);
    this.#size += 1;
    this.#used += 1;
  }

  /** Removes a key (call it while its doc's key column still says it). */
  delete(key: string): void {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const doc = slots[slot]!;
      if (doc === empty) return;
      if (doc !== removed && this.#keyOf(doc) === key) {
        slots[slot] = removed;
        this.#size -= 1;
        return;
      }
    }
  }

  #place(key: string, doc: number): void {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let slot = hash(key) & mask;
    while (slots[slot] !== empty) slot = (slot + 1) & mask;
    slots[slot] = doc;
  }

  /** A table at least twice the live docs, without the removed slots. */
  #rehash(): void {
    const old = this.#slots;
    let length = old.length;
    while ((this.#size + 1) * 2 > length) length *= 2;
    this.#slots = new Int32Array(length).fill(empty);
    for (const doc of old) if (doc >= 0) this.#place(this.#keyOf(doc)!, doc);
    this.#used = this.#size;
  }
}

/** FNV-1a over the key's chars. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
