// Reads a JSON array arriving in byte chunks and hands out each element's JSON text as soon as it
// is complete, so a list of any length is never held whole. Each element is then parsed by the
// engine's own JSON.parse: measured against @streamparser/json on the sandbox's 100,000-customer
// Revnue list, the token-by-token library alone parses ~20,000 customers/s (the whole budget of
// the pull), this splitter + JSON.parse about twice that (docs/performance.md, "Revnue: a
// streamed list").
//
// Only ASCII bytes are structural in JSON, and UTF-8 never uses ASCII values inside a multi-byte
// character, so scanning raw bytes is safe; the element's bytes are decoded once it is whole.

const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The body is not a JSON array, or not a complete one; the message says where, in words. */
export class JsonListError extends Error {
  override name = 'JsonListError';
}

type Where = 'before-array' | 'before-element' | 'in-element' | 'after-element' | 'after-array';

export class JsonArraySplitter {
  private where: Where = 'before-array';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The bytes of the element being read, from earlier chunks. */
  private pieces: Uint8Array[] = [];
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private count = 0;

  /** `plural` names the elements in messages ("customers"). */
  constructor(private readonly plural = 'items') {}

  /** Elements read so far (for messages that say how far the list got). */
  get elements(): number {
    return this.count;
  }

  /** Feeds the next bytes; answers the JSON text of every element completed by them. */
  write(chunk: Uint8Array): string[] {
    const out: string[] = [];
    let start = this.where === 'in-element' ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (this.where === 'in-element') {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (byte === BACKSLASH) this.escaped = true;
          else if (byte === QUOTE) this.inString = false;
          continue;
        }
        if (byte === QUOTE) this.inString = true;
        else if (byte === OPEN_CURLY || byte === OPEN_SQUARE) this.depth += 1;
        else if (byte === CLOSE_CURLY || byte === CLOSE_SQUARE) {
          if (this.depth === 0) {
            // The `]` that closes the list ends a last element that is a bare value (1, true).
            out.push(this.take(chunk, start, i));
            this.where = 'after-array';
            continue;
          }
          this.depth -= 1;
        } else if (byte === COMMA && this.depth === 0) {
          out.push(this.take(chunk, start, i));
          this.where = 'before-element';
        }
        if (this.depth === 0 && this.where === 'in-element' && isEndOfComposite(byte)) {
          out.push(this.take(chunk, start, i + 1));
          this.where = 'after-element';
        }
        continue;
      }
      if (isSpace(byte)) continue;
      switch (this.where) {
        case 'before-array':
          if (byte !== OPEN_SQUARE) throw this.unexpected(byte, 'the list to start with [');
          this.where = 'before-element';
          break;
        case 'before-element':
          if (byte === CLOSE_SQUARE && this.count === 0) {
            this.where = 'after-array';
            break;
          }
          if (byte === COMMA || byte === CLOSE_SQUARE) throw this.unexpected(byte, 'a value');
          this.where = 'in-element';
          this.depth = byte === OPEN_CURLY || byte === OPEN_SQUARE ? 1 : 0;
          this.inString = byte === QUOTE;
          start = i;
          break;
        case 'after-element':
          if (byte === COMMA) this.where = 'before-element';
          else if (byte === CLOSE_SQUARE) this.where = 'after-array';
          else throw this.unexpected(byte, ', or ]');
          break;
        case 'after-array':
          throw this.unexpected(byte, 'nothing after the list');
      }
    }
    if (this.where === 'in-element') this.pieces.push(chunk.slice(Math.max(start, 0)));
    return out;
  }

  /** The body ended: anything but a closed list means it was cut off. */
  end(): void {
    if (this.where === 'after-array') return;
    throw new JsonListError(
      this.where === 'before-array'
        ? 'the answer was empty'
        : `the answer stopped after ${this.count} ${this.plural}, before the list was complete`,
    );
  }

  private take(chunk: Uint8Array, start: number, end: number): string {
    const tail = chunk.subarray(Math.max(start, 0), end);
    let bytes = tail;
    if (this.pieces.length > 0) {
      const total = this.pieces.reduce((sum, piece) => sum + piece.length, tail.length);
      bytes = new Uint8Array(total);
      let offset = 0;
      for (const piece of this.pieces) {
        bytes.set(piece, offset);
        offset += piece.length;
      }
      bytes.set(tail, offset);
      this.pieces = [];
    }
    this.count += 1;
    try {
      return this.decoder.decode(bytes).trimEnd();
    } catch {
      throw new JsonListError(`item ${this.count} of the list is not valid UTF-8 text`);
    }
  }

  private unexpected(byte: number, expected: string): JsonListError {
    const seen = byte >= 0x20 && byte < 0x7f ? `“${String.fromCharCode(byte)}”` : 'a stray byte';
    return new JsonListError(
      `expected ${expected} after ${this.count} ${this.plural} but found ${seen}`,
    );
  }
}

function isEndOfComposite(byte: number): boolean {
  return byte === CLOSE_CURLY || byte === CLOSE_SQUARE;
}
