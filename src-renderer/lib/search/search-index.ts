// The customer list's own search index (issue 9 §3), run inside the search worker. A flat array
// of entries scanned in the chosen sort order: every term must occur in the folded text (or the
// digits, for a phone number being typed). Typing usually extends the last query, so the scan
// then covers only the previous matches — that is what keeps keystrokes fast at 100,000 rows.
import { fold, isPhoneLike, queryDigits } from './fold';
import type { IndexEntry } from './index-entry';
import type { FacetChoices, ListQuery, SortOrder } from './search-types';

interface LastSearch {
  readonly filterKey: string;
  readonly text: string;
  readonly version: number;
  readonly docs: Int32Array;
}

interface Matcher {
  readonly terms: readonly string[];
  readonly digits: string | null;
}

function matcherOf(text: string): Matcher {
  const folded = fold(text.trim());
  return {
    terms: folded.split(/\s+/).filter((term) => term !== ''),
    digits: isPhoneLike(text) ? queryDigits(text) : null,
  };
}

function matches(entry: IndexEntry, matcher: Matcher): boolean {
  if (matcher.digits !== null && matcher.digits !== '' && entry.digits.includes(matcher.digits)) {
    return true;
  }
  for (const term of matcher.terms) if (!entry.text.includes(term)) return false;
  return true;
}

/** The new text only narrows the old one: every match of the new is a match of the old. */
function narrows(previous: string, next: string): boolean {
  const before = previous.trim();
  if (before === '' || !next.trim().startsWith(before)) return false;
  // A phone-number query also matches by digits: the old query must have been one too.
  return !isPhoneLike(next) || isPhoneLike(before);
}

export interface FacetDefinition {
  readonly id: string;
  readonly label: string;
}

export class SearchIndex {
  readonly #entries: (IndexEntry | undefined)[] = [];
  readonly #docOfKey = new Map<string, number>();
  readonly #free: number[] = [];
  readonly #facets: readonly FacetDefinition[];
  readonly #sorted = new Map<string, Int32Array>();
  #version = 0;
  #last: LastSearch | null = null;

  constructor(facets: readonly FacetDefinition[] = []) {
    this.#facets = facets;
  }

  get size(): number {
    return this.#docOfKey.size;
  }

  /** Bumped on every change; rows fetched under an older version may be stale. */
  get version(): number {
    return this.#version;
  }

  entry(doc: number): IndexEntry | undefined {
    return this.#entries[doc];
  }

  /** Adds or replaces the entry of its key; the doc number of a key never changes. */
  upsert(entry: IndexEntry): void {
    const { key } = entry.display;
    let doc = this.#docOfKey.get(key);
    if (doc === undefined) {
      doc = this.#free.pop() ?? this.#entries.length;
      this.#docOfKey.set(key, doc);
    }
    this.#entries[doc] = entry;
    this.#changed();
  }

  remove(key: string): void {
    const doc = this.#docOfKey.get(key);
    if (doc === undefined) return;
    this.#docOfKey.delete(key);
    this.#entries[doc] = undefined;
    this.#free.push(doc);
    this.#changed();
  }

  /** Drops every key not in `keys` (rows deleted or re-keyed in the store). */
  retainOnly(keys: ReadonlySet<string>): void {
    for (const key of [...this.#docOfKey.keys()]) if (!keys.has(key)) this.remove(key);
  }

  search(query: ListQuery): Int32Array {
    const filterKey = JSON.stringify([query.facets, query.badge, query.sort]);
    const last = this.#last;
    const source =
      last &&
      last.filterKey === filterKey &&
      last.version === this.#version &&
      narrows(last.text, query.text)
        ? last.docs
        : this.#order(query.sort);
    const matcher = matcherOf(query.text);
    const facetFilters = this.#facets.flatMap((facet, index) => {
      const wanted = query.facets[facet.id];
      return wanted ? [[index, wanted] as const] : [];
    });
    const found = new Int32Array(source.length);
    let count = 0;
    for (let i = 0; i < source.length; i += 1) {
      const doc = source[i]!;
      const entry = this.#entries[doc]!;
      if (query.badge !== '' && entry.display.badge !== query.badge) continue;
      if (facetFilters.some(([index, wanted]) => entry.facets[index] !== wanted)) continue;
      if (!matches(entry, matcher)) continue;
      found[count++] = doc;
    }
    const docs = found.slice(0, count);
    this.#last = { filterKey, text: query.text, version: this.#version, docs };
    return docs;
  }

  /** Each facet with the values the customers have, sorted, for the filter choices. */
  facetChoices(): FacetChoices[] {
    return this.#facets.map((facet, index) => {
      const values = new Set<string>();
      for (const entry of this.#entries) {
        const value = entry?.facets[index];
        if (value) values.add(value);
      }
      // Only data: the choices cross postMessage (a facet's value reader cannot).
      return {
        id: facet.id,
        label: facet.label,
        values: [...values].sort((a, b) => a.localeCompare(b)),
      };
    });
  }

  #changed(): void {
    this.#version += 1;
    this.#sorted.clear();
    this.#last = null;
  }

  /** Every live doc in sort order, computed once per order and data version. */
  #order(sort: SortOrder): Int32Array {
    const id = `${sort.column}:${sort.descending ? 'desc' : 'asc'}`;
    const cached = this.#sorted.get(id);
    if (cached) return cached;
    const docs: number[] = [];
    this.#entries.forEach((entry, doc) => {
      if (entry) docs.push(doc);
    });
    const keyOf = (doc: number) => this.#entries[doc]!.sortKeys[sort.column] ?? '';
    const nameOf = (doc: number) => this.#entries[doc]!.sortKeys['name'] ?? '';
    const direction = sort.descending ? -1 : 1;
    docs.sort((a, b) => {
      const ka = keyOf(a);
      const kb = keyOf(b);
      if (ka !== kb) return (ka < kb ? -1 : 1) * direction;
      const na = nameOf(a);
      const nb = nameOf(b);
      if (na !== nb) return na < nb ? -1 : 1;
      return a - b;
    });
    const order = Int32Array.from(docs);
    this.#sorted.set(id, order);
    return order;
  }
}
