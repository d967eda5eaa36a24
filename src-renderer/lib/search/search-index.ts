// The customer list's own search index (docs/customer-list.md), run inside the search worker. A
// flat array of entries scanned in the chosen sort order: every term must occur in the folded text
// (or the digits, for a phone number being typed). Typing usually extends the last query: when the
// last answer was small, only its docs are checked again instead of scanning every customer.
import { fold, isPhoneLike, queryDigits } from './fold';
import type { IndexEntry } from './index-entry';
import { itemsContaining, joinTexts, union, type JoinedTexts } from './text-scan';
import type { FacetChoices, ListQuery, SortOrder } from './search-types';

interface LastSearch {
  readonly filterKey: string;
  readonly text: string;
  readonly matcher: Matcher;
  readonly version: number;
  readonly docs: Int32Array;
}

/** Every live doc in one sort order, with its searchable strings in the same order. */
interface SortedView {
  readonly docs: Int32Array;
  readonly texts: JoinedTexts;
  readonly digits: JoinedTexts;
}

interface Matcher {
  readonly folded: string;
  readonly terms: readonly string[];
  readonly digits: string | null;
}

function matcherOf(text: string): Matcher {
  const folded = fold(text.trim());
  return {
    folded,
    terms: folded.split(/\s+/).filter((term) => term !== ''),
    digits: isPhoneLike(text) ? queryDigits(text) : null,
  };
}

/**
 * Whether every doc that matches `next` also matched `last`, so only last's docs need checking:
 * the new text extends the old one (each old term is then inside a new term), and a phone number
 * being typed extends the digits the old answer already included.
 */
function narrows(last: Matcher, next: Matcher): boolean {
  if (last.terms.length === 0 || !next.folded.startsWith(last.folded)) return false;
  if (next.digits === null || next.digits === '') return true;
  return last.digits !== null && last.digits !== '' && next.digits.includes(last.digits);
}

/**
 * Checking docs one by one beats the joined scan only while they are few (measured in Node at
 * 100,000: one scan ~4–8 ms; `includes` on 25,000 texts ~1 ms).
 */
const narrowingLimit = 0.25;

export interface FacetDefinition {
  readonly id: string;
  readonly label: string;
}

export class SearchIndex {
  readonly #entries: (IndexEntry | undefined)[] = [];
  readonly #docOfKey = new Map<string, number>();
  readonly #free: number[] = [];
  readonly #facets: readonly FacetDefinition[];
  /** By doc number, beside the entries: the hot loop reads only these strings. */
  readonly #texts: string[] = [];
  readonly #digits: string[] = [];
  readonly #sorted = new Map<string, SortedView>();
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
    this.#texts[doc] = entry.text;
    this.#digits[doc] = entry.digits;
    this.#changed();
  }

  remove(key: string): void {
    const doc = this.#docOfKey.get(key);
    if (doc === undefined) return;
    this.#docOfKey.delete(key);
    this.#entries[doc] = undefined;
    this.#texts[doc] = '';
    this.#digits[doc] = '';
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
    if (
      last !== null &&
      last.filterKey === filterKey &&
      last.version === this.#version &&
      last.text === query.text
    ) {
      return last.docs;
    }
    const matcher = matcherOf(query.text);
    const order = this.#order(query.sort);
    if (
      last !== null &&
      last.filterKey === filterKey &&
      last.version === this.#version &&
      last.docs.length <= order.docs.length * narrowingLimit &&
      narrows(last.matcher, matcher)
    ) {
      // last.docs already passed the filters and are in this sort order.
      const docs = last.docs.filter((doc) => this.#matches(doc, matcher));
      this.#last = { filterKey, text: query.text, matcher, version: this.#version, docs };
      return docs;
    }
    const positions = this.#matching(order, matcher);
    const facetFilters = this.#facets.flatMap((facet, index) => {
      const wanted = query.facets[facet.id];
      return wanted ? [[index, wanted] as const] : [];
    });
    const filtering = query.badge !== '' || facetFilters.length > 0;
    const found = new Int32Array(positions === null ? order.docs.length : positions.length);
    let count = 0;
    const total = positions === null ? order.docs.length : positions.length;
    for (let i = 0; i < total; i += 1) {
      const doc = order.docs[positions === null ? i : positions[i]!]!;
      if (filtering && !this.#passes(doc, query.badge, facetFilters)) continue;
      found[count++] = doc;
    }
    const docs = found.slice(0, count);
    this.#last = { filterKey, text: query.text, matcher, version: this.#version, docs };
    return docs;
  }

  /** One doc against the query: the same rule #matching applies to the joined texts. */
  #matches(doc: number, { terms, digits }: Matcher): boolean {
    const own = this.#texts[doc]!;
    if (terms.every((term) => own.includes(term))) return true;
    return digits !== null && digits !== '' && this.#digits[doc]!.includes(digits);
  }

  /**
   * The positions (in `order`) that match `text`, null for "all": the longest term is scanned
   * over the joined texts, the other terms checked on each hit's own text; a phone number being
   * typed also matches by digits.
   */
  #matching(order: SortedView, { terms, digits }: Matcher): number[] | null {
    if (terms.length === 0) return null;
    const [longest, ...others] = [...terms].sort((a, b) => b.length - a.length);
    let hits = itemsContaining(order.texts, longest!);
    if (others.length > 0) {
      hits = hits.filter((position) => {
        const own = this.#texts[order.docs[position]!]!;
        return others.every((term) => own.includes(term));
      });
    }
    if (digits !== null && digits !== '') hits = union(hits, itemsContaining(order.digits, digits));
    return hits;
  }

  #passes(
    doc: number,
    badge: ListQuery['badge'],
    facetFilters: readonly (readonly [number, string])[],
  ): boolean {
    const entry = this.#entries[doc]!;
    if (badge !== '' && entry.display.badge !== badge) return false;
    for (const [index, wanted] of facetFilters) if (entry.facets[index] !== wanted) return false;
    return true;
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
  #order(sort: SortOrder): SortedView {
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
    const order: SortedView = {
      docs: Int32Array.from(docs),
      texts: joinTexts(docs.map((doc) => this.#texts[doc]!)),
      digits: joinTexts(docs.map((doc) => this.#digits[doc]!)),
    };
    this.#sorted.set(id, order);
    return order;
  }
}
