// A gram's docs packed for keeping: a sorted list written as gaps in variable-length bytes (one
// byte per doc while the gram is in more than ~1 % of the docs, two to three when rarer), or a
// bitset when that is smaller (in more than ~1 in 8 docs). A plain list of 32-bit doc numbers
// costs 4 bytes per doc and a bitset 1 bit per doc number whatever the count, so the grams between
// (most grams of names, cities and phone numbers at 1,000,000 customers) cost a quarter to half
// of what they did. Packed postings are built in bulk and only grown by merging.

export interface PackedPosting {
  /** One bit per doc number below 32 × its length; null for a list. */
  readonly bits: Uint32Array | null;
  /** The gaps between sorted docs (the first from -1), 7 bits a byte, high bit: more follows. */
  readonly bytes: Uint8Array | null;
  /** How many docs it holds. */
  readonly count: number;
  /** The highest doc it holds (-1: none). */
  readonly last: number;
}

/** Every doc of a packed posting, sorted. */
export function unpack(posting: PackedPosting): Int32Array {
  const docs = new Int32Array(posting.count);
  if (posting.bits) {
    let at = 0;
    const bits = posting.bits;
    for (let word = 0; word < bits.length; word += 1) {
      let value = bits[word]!;
      while (value !== 0) {
        const low = value & -value;
        docs[at++] = word * 32 + 31 - Math.clz32(low);
        value ^= low;
      }
    }
    return docs;
  }
  const bytes = posting.bytes!;
  let doc = -1;
  let at = 0;
  for (let i = 0; i < bytes.length;) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[i++]!;
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    doc += gap;
    docs[at++] = doc;
  }
  return docs;
}

/** The posting with `added` (sorted, no repeats) merged in, packed in the smaller form. */
export function packMerged(old: PackedPosting | undefined, added: Int32Array): PackedPosting {
  if (added.length === 0 && old) return old;
  const oldLast = old?.last ?? -1;
  const appending = !old || added[0]! > oldLast;
  const docs = appending ? added : union(unpack(old), added);
  const count = appending ? (old?.count ?? 0) + added.length : docs.length;
  const last = Math.max(oldLast, added[added.length - 1] ?? -1);
  const bitsetBytes = ((last >>> 5) + 1) * 4;
  if (appending && old?.bits) {
    const bits = new Uint32Array((last >>> 5) + 1);
    bits.set(old.bits);
    for (const doc of added) bits[doc >>> 5]! |= 1 << (doc & 31);
    return { bits, bytes: null, count, last };
  }
  // Gaps of the new docs only when appending to a list: its bytes are copied as they are.
  const from = appending ? oldLast : -1;
  const gaps = encodeGaps(docs, from);
  const listBytes = (appending ? (old?.bytes?.length ?? 0) : 0) + gaps.length;
  if (listBytes > bitsetBytes) {
    const bits = new Uint32Array((last >>> 5) + 1);
    const all = appending && old ? union(unpack(old), added) : docs;
    for (const doc of all) bits[doc >>> 5]! |= 1 << (doc & 31);
    return { bits, bytes: null, count, last };
  }
  if (!appending || !old?.bytes) return { bits: null, bytes: gaps, count, last };
  const bytes = new Uint8Array(old.bytes.length + gaps.length);
  bytes.set(old.bytes);
  bytes.set(gaps, old.bytes.length);
  return { bits: null, bytes, count, last };
}

/** The bytes a posting holds (for the docs on memory). */
export function packedBytes(posting: PackedPosting): number {
  return posting.bits ? posting.bits.byteLength : posting.bytes!.byteLength;
}

function encodeGaps(docs: Int32Array, from: number): Uint8Array {
  // At most 5 bytes per gap (doc numbers are below 2^31).
  const out = new Uint8Array(docs.length * 5);
  let at = 0;
  let previous = from;
  for (let i = 0; i < docs.length; i += 1) {
    let gap = docs[i]! - previous;
    previous = docs[i]!;
    while (gap >= 0x80) {
      out[at++] = (gap & 0x7f) | 0x80;
      gap = Math.floor(gap / 0x80);
    }
    out[at++] = gap;
  }
  return out.slice(0, at);
}

/** Two sorted lists without repeats, merged (sorted, without repeats). */
export function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let at = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) out[at++] = a[i++]!;
    else if (y < x) out[at++] = b[j++]!;
    else {
      out[at++] = x;
      i += 1;
      j += 1;
    }
  }
  while (i < a.length) out[at++] = a[i++]!;
  while (j < b.length) out[at++] = b[j++]!;
  return at === out.length ? out : out.slice(0, at);
}

/** How many bits are set. */
export function popcount(bits: Uint32Array): number {
  let count = 0;
  for (let word = 0; word < bits.length; word += 1) {
    let value = bits[word]! - ((bits[word]! >>> 1) & 0x55555555);
    value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
    count += Math.imul((value + (value >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return count;
}
