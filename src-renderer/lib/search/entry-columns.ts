// The index's entries kept by column, not as one object per customer: at 1,000,000 customers an
// object per entry (and its cells array, facets array and sort keys object) is several hundred
// bytes of headers and pointers each. Columns hold each value once, in arrays indexed by doc
// number; an entry is put together again only when asked for (the rows of one screen, tests).
// Strings many customers share are interned; a sort key that is the text's first field (the
// folded name) or one of the shown cells is not kept twice.
import { compactPhones, expandPhones } from './compact-phones';
import type { IndexEntry } from './index-entry';
import type { DisplayRow, RowBadge } from './search-types';

/** Every badge, by its code in the badge column. */
const badges = [
  'synced',
  'waiting',
  'rejected',
  'conflict',
  'not_downloaded',
] as const satisfies readonly RowBadge[];

/** A sort key kept as a reference: the text's first field. */
const textHead = 0;

export class EntryColumns {
  readonly #keys: (string | undefined)[] = [];
  readonly #names: string[] = [];
  /** Per shown column, each doc's cell. */
  readonly #cells: string[][] = [];
  #cellCounts = new Uint8Array(1_024);
  #badges = new Uint8Array(1_024);
  readonly #texts: string[] = [];
  /** Phone forms with the national forms derived from an international one left implicit. */
  readonly #phones: string[] = [];
  /** Per facet, each doc's value. */
  readonly #facets: string[][] = [];
  /** Per sort column, each doc's folded key (or a reference to a value kept already). */
  readonly #sortKeys = new Map<string, (string | number)[]>();
  /** Strings many rows share (cities, categories, contacts), kept once. */
  readonly #interned = new Map<string, string>();

  /** One past the highest doc number ever used. */
  get capacity(): number {
    return this.#keys.length;
  }

  has(doc: number): boolean {
    return this.#keys[doc] !== undefined;
  }

  key(doc: number): string | undefined {
    return this.#keys[doc];
  }

  text(doc: number): string {
    return this.#texts[doc] ?? '';
  }

  /** The compact phone forms (see compact-phones.ts). */
  phones(doc: number): string {
    return this.#phones[doc] ?? '';
  }

  badge(doc: number): RowBadge {
    return badges[this.#badges[doc]!]!;
  }

  facet(doc: number, index: number): string | undefined {
    return this.#facets[index]?.[doc];
  }

  sortKey(doc: number, column: string): string {
    const kept = this.#sortKeys.get(column)?.[doc];
    if (kept === undefined) return '';
    if (kept !== textHead) return kept as string;
    const text = this.#texts[doc]!;
    const end = text.indexOf('\n');
    return end === -1 ? text : text.slice(0, end);
  }

  display(doc: number): DisplayRow | undefined {
    const key = this.#keys[doc];
    if (key === undefined) return undefined;
    const cells: string[] = [];
    for (let i = 0; i < this.#cellCounts[doc]!; i += 1) cells.push(this.#cells[i]![doc]!);
    return { key, name: this.#names[doc]!, cells, badge: this.badge(doc) };
  }

  /** The entry as it was given (phone forms expanded again). */
  entry(doc: number): IndexEntry | undefined {
    const display = this.display(doc);
    if (!display) return undefined;
    const sortKeys: Record<string, string> = {};
    for (const [column, keys] of this.#sortKeys) {
      if (keys[doc] !== undefined) sortKeys[column] = this.sortKey(doc, column);
    }
    return {
      display,
      text: this.text(doc),
      digits: expandPhones(this.phones(doc)),
      facets: this.#facets.map((column) => column[doc]!),
      sortKeys,
    };
  }

  set(doc: number, entry: IndexEntry): void {
    this.#ensure(doc);
    const { display } = entry;
    this.#keys[doc] = display.key;
    this.#names[doc] = display.name;
    const cells = display.cells.map(this.#intern);
    cells.forEach((cell, i) => ((this.#cells[i] ??= [])[doc] = cell));
    this.#cellCounts[doc] = cells.length;
    this.#badges[doc] = badges.indexOf(display.badge);
    this.#texts[doc] = entry.text;
    this.#phones[doc] = compactPhones(entry.digits);
    entry.facets.forEach((value, i) => ((this.#facets[i] ??= [])[doc] = this.#intern(value)));
    const textHeadOf = entry.text.split('\n', 1)[0];
    for (const [column, key] of Object.entries(entry.sortKeys)) {
      let keys = this.#sortKeys.get(column);
      if (!keys) this.#sortKeys.set(column, (keys = []));
      keys[doc] =
        key === textHeadOf ? textHead : (cells.find((cell) => cell === key) ?? this.#intern(key));
    }
    for (const [column, keys] of this.#sortKeys) {
      if (!(column in entry.sortKeys)) keys[doc] = '';
    }
  }

  clear(doc: number): void {
    this.#keys[doc] = undefined;
    // The rest is overwritten when the number is used again; the big strings go now.
    this.#names[doc] = '';
    this.#texts[doc] = '';
    this.#phones[doc] = '';
  }

  #ensure(doc: number): void {
    while (this.#keys.length <= doc) this.#keys.push(undefined);
    if (doc < this.#badges.length) return;
    let size = this.#badges.length;
    while (size <= doc) size *= 2;
    const badgesGrown = new Uint8Array(size);
    badgesGrown.set(this.#badges);
    this.#badges = badgesGrown;
    const countsGrown = new Uint8Array(size);
    countsGrown.set(this.#cellCounts);
    this.#cellCounts = countsGrown;
  }

  readonly #intern = (text: string): string => {
    const kept = this.#interned.get(text);
    if (kept !== undefined) return kept;
    // Only short strings repeat (cities, countries, categories); names and emails do not.
    if (text.length <= 24 && this.#interned.size < 100_000) this.#interned.set(text, text);
    return text;
  };
}
