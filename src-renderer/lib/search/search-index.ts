// The customer list's own search index, run inside the search worker (docs/search.md). Every term
// must occur somewhere in a customer's folded texts (any part of a word), or a phone number being
// typed in its phone digits. Nothing is scanned: terms of up to three chars ARE grams, so their
// posting lists answer exactly; longer terms take the docs holding all their three-char grams and
// confirm each on its own text. The docs found come out in the chosen sort order.
import { fold, isPhoneLike, queryDigits } from './fold';
import { exactLength, GramPostings, termGrams, type DocSet } from './gram-postings';
import type { IndexEntry } from './index-entry';
import { SortOrders, type SortedDocs } from './sort-orders';
import type { FacetChoices, ListQuery, SortOrder } from './search-types';

interface LastSearch {
  readonly filterKey: string;
  readonly text: string;
  readonly matcher: Matcher;
  readonly version: number;
  readonly docs: Int32Array;
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

/** Re-checking the last answer's docs one by one is cheaper than postings only while few. */
const narrowingLimit = 20_000;

/**
 * Whether the postings alone cannot answer (a term or the digits longer than a gram): only then
 * are texts read at all, and re-checking the last answer can be cheaper. A query of short terms
 * is exact from its postings, which never read a text.
 */
function needsTexts({ terms, digits }: Matcher): boolean {
  return terms.some((term) => term.length > exactLength) || (digits ?? '').length > exactLength;
}

/**
 * Docs whose text changed keep their old grams (postings only grow) and are confirmed on their
 * text; once this share of the docs is such, the postings are built again from the texts.
 */
const staleShareForRebuild = 0.25;

/** The separators inside an entry's text (between fields) and digits (between phone forms). */
const textSeparator = '\n';
const digitSeparator = '|';

export interface FacetDefinition {
  readonly id: string;
  readonly label: string;
}

/** One side of a search: the docs the grams found, and whether each must be confirmed. */
interface Found {
  readonly set: DocSet;
  /** The grams only narrow it down: each doc's own text confirms the match. */
  readonly confirm: boolean;
  /** The text side (else the phone digits). */
  readonly text: boolean;
}

export class SearchIndex {
  readonly #entries: (IndexEntry | undefined)[] = [];
  readonly #docOfKey = new Map<string, number>();
  readonly #free: number[] = [];
  readonly #facets: readonly FacetDefinition[];
  /** Per facet: each value with how many docs have it. */
  readonly #facetCounts: Map<string, number>[];
  #texts = new GramPostings(textSeparator);
  #digits = new GramPostings(digitSeparator);
  /** Docs whose grams are out of date (changed or removed since added): confirmed on their text. */
  readonly #stale = new Set<number>();
  /** Strings many rows share (cities, categories, sort keys), kept once. */
  readonly #interned = new Map<string, string>();
  readonly #orders: SortOrders;
  #version = 0;
  #last: LastSearch | null = null;

  constructor(facets: readonly FacetDefinition[] = []) {
    this.#facets = facets;
    this.#facetCounts = facets.map(() => new Map());
    const entries = this.#entries;
    this.#orders = new SortOrders({
      keyOf: (doc, column) => entries[doc]!.sortKeys[column] ?? '',
      liveDocs: () => entries.flatMap((entry, doc) => (entry ? [doc] : [])),
      isLive: (doc) => entries[doc] !== undefined,
      get docCapacity() {
        return entries.length;
      },
    });
  }

  get size(): number {
    return this.#docOfKey.size;
  }

  /** Bumped on every change; rows fetched under an older version may be stale. */
  get version(): number {
    return this.#version;
  }

  /** Bytes of the posting lists (bitsets and doc lists). */
  get postingBytes(): number {
    return this.#texts.bytes + this.#digits.bytes;
  }

  entry(doc: number): IndexEntry | undefined {
    return this.#entries[doc];
  }

  /** Adds or replaces the entry of its key; the doc number of a key never changes. */
  upsert(given: IndexEntry): void {
    const entry = this.#compact(given);
    const { key } = entry.display;
    let doc = this.#docOfKey.get(key);
    const old = doc === undefined ? undefined : this.#entries[doc];
    if (doc === undefined) {
      doc = this.#free.pop() ?? this.#entries.length;
      this.#docOfKey.set(key, doc);
    }
    if (old) this.#countFacets(old, -1);
    this.#countFacets(entry, 1);
    this.#entries[doc] = entry;
    const reused = this.#isStale(doc);
    if (!old || old.text !== entry.text || old.digits !== entry.digits) {
      // A changed or reused doc keeps the grams it had: its text must confirm every hit.
      if (old && !reused) this.#markStale(doc);
      this.#texts.add(doc, entry.text);
      this.#digits.add(doc, gramTextOfDigits(entry.digits));
    }
    this.#changed(doc);
  }

  remove(key: string): void {
    const doc = this.#docOfKey.get(key);
    if (doc === undefined) return;
    this.#countFacets(this.#entries[doc]!, -1);
    this.#docOfKey.delete(key);
    this.#entries[doc] = undefined;
    this.#free.push(doc);
    if (!this.#isStale(doc)) this.#markStale(doc);
    this.#changed(doc);
  }

  /** Drops every key not in `keys` (rows deleted or re-keyed in the store). */
  retainOnly(keys: ReadonlySet<string>): void {
    for (const key of [...this.#docOfKey.keys()]) if (!keys.has(key)) this.remove(key);
  }

  search(query: ListQuery): Int32Array {
    const filterKey = JSON.stringify([query.facets, query.badge, query.sort]);
    const last = this.#last;
    const sameView =
      last !== null && last.filterKey === filterKey && last.version === this.#version;
    if (sameView && last.text === query.text) return last.docs;
    const matcher = matcherOf(query.text);
    let docs: Int32Array;
    if (
      sameView &&
      last.docs.length <= narrowingLimit &&
      needsTexts(matcher) &&
      narrows(last.matcher, matcher)
    ) {
      // last.docs already passed the filters and are in this sort order.
      docs = last.docs.filter((doc) => this.#matches(doc, matcher));
    } else {
      if (this.#stale.size > Math.max(1_024, this.size * staleShareForRebuild)) this.#rebuild();
      docs = this.#collect(this.#orders.get(query.sort), matcher, query);
    }
    this.#last = { filterKey, text: query.text, matcher, version: this.#version, docs };
    return docs;
  }

  /** The first `count` docs of a sort order, unfiltered (the remembered first screen). */
  firstInOrder(sort: SortOrder, count: number): Int32Array {
    return this.#orders.get(sort).docs.slice(0, count);
  }

  /** Each facet with the values the customers have, sorted, for the filter choices. */
  facetChoices(): FacetChoices[] {
    return this.#facets.map((facet, index) => ({
      // Only data: the choices cross postMessage (a facet's value reader cannot).
      id: facet.id,
      label: facet.label,
      values: [...this.#facetCounts[index]!.keys()].sort((a, b) => a.localeCompare(b)),
    }));
  }

  /** The matching docs in sort order: from the postings, each confirmed where needed. */
  #collect(order: SortedDocs, matcher: Matcher, query: ListQuery): Int32Array {
    const facetFilters = this.#facets.flatMap((facet, index) => {
      const wanted = query.facets[facet.id];
      return wanted ? [[index, wanted] as const] : [];
    });
    const filtering = query.badge !== '' || facetFilters.length > 0;
    const passes = (doc: number) => !filtering || this.#passes(doc, query.badge, facetFilters);
    if (matcher.terms.length === 0) {
      return filtering ? order.docs.filter(passes) : order.docs.slice();
    }
    const sides = [
      this.#byText(matcher.terms),
      matcher.digits ? this.#byDigits(matcher.digits) : null,
    ];
    const found = sides.filter((side): side is Found => side !== null);
    if (found.length === 0) return new Int32Array(0);
    if (found.every(({ set }) => 'docs' in set)) {
      // Few docs: confirm them, then put them in sort order by rank (cost follows the hits).
      const kept = new Set<number>();
      for (const side of found) {
        for (const doc of (side.set as { docs: Int32Array }).docs) {
          if (order.rank[doc] === undefined || order.rank[doc] < 0 || kept.has(doc)) continue;
          if (this.#confirmed(side, doc, matcher) && passes(doc)) kept.add(doc);
        }
      }
      return Int32Array.from([...kept].sort((a, b) => order.rank[a]! - order.rank[b]!));
    }
    // Many docs: one bitset of the hits, each candidate confirmed where needed, then one walk of
    // the order testing one bit per doc.
    const hits = new Uint32Array((order.rank.length + 31) >>> 5);
    for (const side of found) this.#addHits(hits, side, matcher);
    this.#settleStale(hits, matcher);
    const out = new Int32Array(order.docs.length);
    let count = 0;
    for (let i = 0; i < order.docs.length; i += 1) {
      const doc = order.docs[i]!;
      if ((hits[doc >>> 5]! & (1 << (doc & 31))) !== 0 && passes(doc)) out[count++] = doc;
    }
    return out.slice(0, count);
  }

  /** Whether a doc a side's grams found really matches (its text says so when in doubt). */
  #confirmed(side: Found, doc: number, matcher: Matcher): boolean {
    if (!side.confirm && !this.#stale.has(doc)) return true;
    return this.#matchesSide(doc, matcher, side.text);
  }

  /**
   * Sets the bits of the docs one side found and confirmed. Only ever sets bits: the sides are
   * OR-ed, so a side must never take away a hit another side already made. Stale docs a side
   * takes on its grams alone are settled afterwards, on the whole query (`#settleStale`).
   */
  #addHits(hits: Uint32Array, side: Found, matcher: Matcher): void {
    const { set } = side;
    if ('docs' in set) {
      for (const doc of set.docs) {
        if (doc < hits.length * 32 && this.#confirmed(side, doc, matcher)) {
          hits[doc >>> 5]! |= 1 << (doc & 31);
        }
      }
      return;
    }
    const words = Math.min(hits.length, set.bits.length);
    if (!side.confirm) {
      for (let word = 0; word < words; word += 1) hits[word]! |= set.bits[word]!;
      return;
    }
    for (let word = 0; word < words; word += 1) {
      let bits = set.bits[word]!;
      while (bits !== 0) {
        const low = bits & -bits;
        const doc = word * 32 + 31 - Math.clz32(low);
        bits ^= low;
        if (this.#matchesSide(doc, matcher, side.text)) hits[word]! |= low;
      }
    }
  }

  /**
   * Docs with out-of-date grams (changed or removed since added) among the hits: their text
   * decides, on the whole query, since any side may have set their bit. A stale doc that matches
   * holds all its current grams too, so no side can have missed it.
   */
  #settleStale(hits: Uint32Array, matcher: Matcher): void {
    for (const doc of this.#stale) {
      const word = doc >>> 5;
      const bit = 1 << (doc & 31);
      if (word < hits.length && (hits[word]! & bit) !== 0 && !this.#matches(doc, matcher)) {
        hits[word]! &= ~bit;
      }
    }
  }

  #byText(terms: readonly string[]): Found | null {
    const set = this.#texts.intersect(terms.flatMap(termGrams));
    return set && { set, confirm: terms.some((term) => term.length > exactLength), text: true };
  }

  #byDigits(digits: string): Found | null {
    const set = this.#digits.intersect(termGrams(digits));
    return set && { set, confirm: digits.length > exactLength, text: false };
  }

  /** One doc against one side of the query, on its own text. */
  #matchesSide(doc: number, { terms, digits }: Matcher, text: boolean): boolean {
    const entry = this.#entries[doc];
    // A removed doc stays in the postings until its number is used again: it matches nothing.
    if (!entry) return false;
    if (text) return terms.every((term) => entry.text.includes(term));
    return digits !== null && digits !== '' && entry.digits.includes(digits);
  }

  /** One doc against the whole query (text, or the phone number being typed). */
  #matches(doc: number, matcher: Matcher): boolean {
    return this.#matchesSide(doc, matcher, true) || this.#matchesSide(doc, matcher, false);
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

  #countFacets(entry: IndexEntry, delta: 1 | -1): void {
    entry.facets.forEach((value, index) => {
      const counts = this.#facetCounts[index];
      if (!value || !counts) return;
      const count = (counts.get(value) ?? 0) + delta;
      if (count > 0) counts.set(value, count);
      else counts.delete(value);
    });
  }

  /** The entry with its repeated strings shared: 1,000,000 rows hold few distinct cities. */
  #compact(entry: IndexEntry): IndexEntry {
    const intern = (text: string) => {
      const kept = this.#interned.get(text);
      if (kept !== undefined) return kept;
      // Only short strings repeat (cities, countries, categories); names and emails do not.
      if (text.length <= 24 && this.#interned.size < 100_000) this.#interned.set(text, text);
      return text;
    };
    const sortKeys: Record<string, string> = {};
    for (const [column, key] of Object.entries(entry.sortKeys)) sortKeys[column] = intern(key);
    return {
      display: { ...entry.display, cells: entry.display.cells.map(intern) },
      text: entry.text,
      digits: entry.digits,
      facets: entry.facets.map(intern),
      sortKeys,
    };
  }

  #isStale(doc: number): boolean {
    return this.#stale.has(doc);
  }

  #markStale(doc: number): void {
    this.#stale.add(doc);
  }

  /** Postings from the current texts: no doc is stale afterwards. */
  #rebuild(): void {
    this.#texts = new GramPostings(textSeparator);
    this.#digits = new GramPostings(digitSeparator);
    this.#stale.clear();
    this.#entries.forEach((entry, doc) => {
      if (!entry) return;
      this.#texts.add(doc, entry.text);
      this.#digits.add(doc, gramTextOfDigits(entry.digits));
    });
  }

  #changed(doc: number): void {
    this.#version += 1;
    this.#orders.changed(doc);
    this.#last = null;
  }
}

/**
 * The phone forms with what adds no new gram left out: a national form ("0" + the number without
 * its country code) holds only grams of the international one after its first three chars.
 */
function gramTextOfDigits(digits: string): string {
  const forms = digits.split(digitSeparator);
  return forms
    .map((form, index) =>
      form.startsWith('0') &&
      forms.slice(0, index).some((earlier) => earlier.endsWith(form.slice(1)))
        ? form.slice(0, exactLength)
        : form,
    )
    .join(digitSeparator);
}
