// Texts kept one byte per char in one growing byte array instead of a string each: the duplicate
// feed holds every row of a connection (1,000,000 at most) this way until the list's first load
// is complete. A JS string costs its header and a Map entry besides its chars, and all of it
// counts against the worker's JS heap; bytes in an ArrayBuffer are only their chars. A text with
// a char beyond Latin-1 (rare in names and addresses: "ł", "ő", emoji) is kept as a string.

/** Chars per String.fromCharCode call (its arguments go on the stack). */
const decodeChunk = 4_096;

export class TextArena {
  #bytes = new Uint8Array(4_096);
  #end = 0;
  /** Per entry, where its bytes begin; its end is where the next entry's begin (or #end). */
  #starts = new Int32Array(1_024);
  #entries = 0;
  /** Entries with a char beyond Latin-1, kept as they are. */
  readonly #wide = new Map<number, string>();

  /** How many texts were pushed since the last reset. */
  get entries(): number {
    return this.#entries;
  }

  /** Keeps `text` and returns its entry number (0, 1, 2, … since the last reset). */
  push(text: string): number {
    const entry = this.#entries;
    if (entry === this.#starts.length) this.#starts = grown(this.#starts, entry * 2);
    this.#starts[entry] = this.#end;
    this.#entries += 1;
    if (this.#end + text.length > this.#bytes.length) {
      this.#bytes = grown(this.#bytes, Math.max(this.#bytes.length * 2, this.#end + text.length));
    }
    const bytes = this.#bytes;
    const start = this.#end;
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code > 0xff) {
        this.#wide.set(entry, text);
        return entry;
      }
      bytes[start + at] = code;
    }
    this.#end = start + text.length;
    return entry;
  }

  /** The text of an entry, exactly as it was pushed. */
  text(entry: number): string {
    const wide = this.#wide.get(entry);
    if (wide !== undefined) return wide;
    const start = this.#starts[entry]!;
    const end = entry + 1 < this.#entries ? this.#starts[entry + 1]! : this.#end;
    let text = '';
    for (let at = start; at < end; at += decodeChunk) {
      const chunk = this.#bytes.subarray(at, Math.min(end, at + decodeChunk));
      text += String.fromCharCode(...chunk);
    }
    return text;
  }

  /** Forgets every entry and gives the memory back (entry numbers start at 0 again). */
  reset(): void {
    this.#bytes = new Uint8Array(4_096);
    this.#end = 0;
    this.#starts = new Int32Array(1_024);
    this.#entries = 0;
    this.#wide.clear();
  }
}

function grown<T extends Uint8Array | Int32Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (size: number) => T)(size);
  copy.set(array);
  return copy;
}
