// The index's entries kept by column, not as one object per customer: at 1,000,000 customers an
// object per entry (and its cells array, facets array and sort keys object) is several hundred
// bytes of headers and pointers each. Columns hold each value once, in arrays indexed by doc
// number; an entry is put together again only when asked for (the rows of one screen, tests).
// Strings many customers share are interned; a sort key that is the text's first field (the
// folded name) or a shown cell (as it is or folded) is not kept at all, only found again.
import { compactPhones, expandPhones } from './compact-phones';
import { fold } from './fold';
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

/**
 * Where a sort column's key comes from for most docs, so that it is kept for none of them: the
 * text's first field (the folded name), a shown cell as it is (an email), or a shown cell folded
 * (a city; folded once per distinct value). Set by the first doc the column sees.
 */
type KeyRule =
  | { readonly from: 'textHead' }
  | { readonly from: 'cell'; readonly cell: number; readonly folded: boolean }
  | { readonly from: 'none' };

interface SortColumn {
  readonly rule: KeyRule;
  /** The docs whose key the rule does not give, with their key. */
  readonly exceptions: Map<number, string>;
}

const asciiBytes = new Uint8Array(4_096);
const asciiDecoder = new TextDecoder();

/**
 * The same text, stored one byte per char when it is ASCII. fold() takes accents off, but the
 * engine keeps the result in two bytes per char when its input had any: for a folded text of ~80
 * chars that is ~75 bytes more per customer, for nothing.
 */
export function oneByte(text: string): string {
  if (text.length > asciiBytes.length) return text;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return text;
    asciiBytes[i] = code;
  }
  return asciiDecoder.decode(asciiBytes.subarray(0, text.length));
}

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
  /** Per sort column, how its keys are found (no key is kept twice). */
  readonly #sortColumns = new Map<string, SortColumn>();
  /** Strings many rows share (cities, categories, contacts), kept once. */
  readonly #interned = new Map<string, string>();
  /** The folded form of each interned string, once it was asked for. */
  readonly #foldedInterned = new Map<string, string>();

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

  /** The folded sort key of a live doc for a column ('' when it has none). */
  sortKey(doc: number, column: string): string {
    const sort = this.#sortColumns.get(column);
    if (!sort) return '';
    const exception = sort.exceptions.get(doc);
    return exception ?? this.#byRule(sort.rule, doc) ?? '';
  }

  /** The sort columns any entry had. */
  get sortColumns(): readonly string[] {
    return [...this.#sortColumns.keys()];
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
    for (const column of this.#sortColumns.keys()) sortKeys[column] = this.sortKey(doc, column);
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
    this.#texts[doc] = oneByte(entry.text);
    this.#phones[doc] = compactPhones(entry.digits);
    entry.facets.forEach((value, i) => ((this.#facets[i] ??= [])[doc] = this.#intern(value)));
    for (const [column, key] of Object.entries(entry.sortKeys)) {
      let sort = this.#sortColumns.get(column);
      if (!sort) {
        sort = { rule: this.#ruleFor(doc, key), exceptions: new Map() };
        this.#sortColumns.set(column, sort);
      }
      if (this.#byRule(sort.rule, doc) === key) sort.exceptions.delete(doc);
      else sort.exceptions.set(doc, this.#intern(key));
    }
    for (const [column, sort] of this.#sortColumns) {
      if (!(column in entry.sortKeys)) sort.exceptions.set(doc, '');
    }
  }

  /** The rule that gives `key` for this doc (its cells and text already set). */
  #ruleFor(doc: number, key: string): KeyRule {
    if (this.#byRule({ from: 'textHead' }, doc) === key) return { from: 'textHead' };
    for (let cell = 0; cell < this.#cellCounts[doc]!; cell += 1) {
      for (const folded of [false, true]) {
        const rule = { from: 'cell', cell, folded } as const;
        if (this.#byRule(rule, doc) === key) return rule;
      }
    }
    return { from: 'none' };
  }

  #byRule(rule: KeyRule, doc: number): string | undefined {
    switch (rule.from) {
      case 'textHead': {
        const text = this.#texts[doc]!;
        const end = text.indexOf('\n');
        return end === -1 ? text : text.slice(0, end);
      }
      case 'cell': {
        if (rule.cell >= this.#cellCounts[doc]!) return undefined;
        const value = this.#cells[rule.cell]![doc]!;
        return rule.folded ? this.#fold(value) : value;
      }
      case 'none':
        return undefined;
    }
  }

  /** fold(), once per distinct value for the values many rows share. */
  #fold(value: string): string {
    if (this.#interned.get(value) !== value) return fold(value);
    let folded = this.#foldedInterned.get(value);
    if (folded === undefined) this.#foldedInterned.set(value, (folded = fold(value)));
    return folded;
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
