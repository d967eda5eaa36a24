// The customer list's own search index, run inside the search worker (docs/search.md). Every term
// must occur somewhere in a customer's folded texts (any part of a word), or a phone number being
// typed in its phone digits. Nothing is scanned: terms of up to three chars ARE grams, so their
// posting lists answer exactly; longer terms take the docs holding all their three-char grams and
// confirm each on its own text. The docs found come out in the chosen sort order.
import { fold, isPhoneLike, queryDigits } from './fold';
import { phoneGramText, phonesInclude } from './compact-phones';
import { DocOfKey } from './doc-of-key';
import { EntryColumns } from './entry-columns';
import { GramPostings, type DocSet, type GramSize } from './gram-postings';
import { popcount } from './packed-postings';
import {
  confirmingAnswer,
  placedAnswer,
  walkedAnswer,
  wholeOrderAnswer,
  type OrderedAnswer,
} from './ordered-answer';
import type { IndexEntry } from './index-entry';
import { SortOrders, type SortedDocs } from './sort-orders';
import type { DisplayRow, FacetChoices, ListQuery, SortOrder } from './search-types';

interface LastSearch {
  readonly filterKey: string;
  readonly text: string;
  readonly matcher: Matcher;
  readonly version: number;
  readonly answer: OrderedAnswer;
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
 * Hits up to this share of the docs (and at least the minimum) are sorted by rank; more are
 * found by one walk of the whole order.
 */
const fewHitsShare = 128;
const fewHitsMinimum = 256;

/** Whether two texts ask for exactly the same (the same folded terms and phone digits). */
function sameMatch(a: Matcher, b: Matcher): boolean {
  return a.folded === b.folded && a.digits === b.digits;
}

/** Re-checking the last answer's docs one by one is cheaper than postings only while few. */
const narrowingLimit = 20_000;

/**
 * The longest gram of each side. Phone digits take four-char grams too: a quarter of the
 * customers may share a mobile prefix such as "0171", and its own posting answers it exactly
 * instead of each of those customers' phones being read (docs/search.md, "Phone digits").
 * Letters stay at three: their four-char grams would not fit the worker's memory.
 */
const textGram: GramSize = 3;
const digitGram: GramSize = 4;

/**
 * Whether the postings alone cannot answer (a term or the digits longer than a gram): only then
 * are texts read at all, and re-checking the last answer can be cheaper. A query of short terms
 * is exact from its postings, which never read a text.
 */
function needsTexts({ terms, digits }: Matcher): boolean {
  return terms.some((term) => term.length > textGram) || (digits ?? '').length > digitGram;
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
  /** The entries by column (no object per customer: see entry-columns.ts). */
  readonly #entries = new EntryColumns();
  readonly #docOfKey: DocOfKey;
  readonly #free: number[] = [];
  readonly #facets: readonly FacetDefinition[];
  /** Per facet: each value with how many docs have it. */
  readonly #facetCounts: Map<string, number>[];
  readonly #freezeEvery: number | undefined;
  #texts: GramPostings;
  #digits: GramPostings;
  /** Docs whose grams are out of date (changed or removed since added): confirmed on their text. */
  readonly #stale = new Set<number>();
  readonly #orders: SortOrders;
  #version = 0;
  #last: LastSearch | null = null;

  /**
   * `freezeEvery`: docs added before the postings are packed (gram-postings.ts); tests make it
   * small so that packed and recent postings meet in every case.
   */
  constructor(facets: readonly FacetDefinition[] = [], options: { freezeEvery?: number } = {}) {
    this.#freezeEvery = options.freezeEvery;
    this.#texts = new GramPostings(textSeparator, this.#freezeEvery, textGram);
    this.#digits = new GramPostings(digitSeparator, this.#freezeEvery, digitGram);
    this.#facets = facets;
    this.#facetCounts = facets.map(() => new Map());
    const entries = this.#entries;
    this.#docOfKey = new DocOfKey((doc) => entries.key(doc));
    this.#orders = new SortOrders({
      keyOf: (doc, column) => entries.sortKey(doc, column),
      liveDocs: () => {
        const live: number[] = [];
        for (let doc = 0; doc < entries.capacity; doc += 1) if (entries.has(doc)) live.push(doc);
        return live;
      },
      isLive: (doc) => entries.has(doc),
      get docCapacity() {
        return entries.capacity;
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

  /** The entry of a doc as it was given (put together from the columns: tests, tools). */
  entry(doc: number): IndexEntry | undefined {
    return this.#entries.entry(doc);
  }

  /** The row a doc shows (undefined: no customer has this number now). */
  display(doc: number): DisplayRow | undefined {
    return this.#entries.display(doc);
  }

  /** The customer key of a doc. */
  key(doc: number): string | undefined {
    return this.#entries.key(doc);
  }

  /** Adds or replaces the entry of its key; the doc number of a key never changes. */
  upsert(entry: IndexEntry): void {
    const { key } = entry.display;
    let doc = this.#docOfKey.get(key);
    const entries = this.#entries;
    const old = doc !== undefined;
    doc ??= this.#free.pop() ?? entries.capacity;
    const oldText = old ? entries.text(doc) : '';
    const oldPhones = old ? entries.phones(doc) : '';
    if (old) this.#countFacets(doc, -1);
    entries.set(doc, entry);
    // The table reads a doc's key from its entry: set first.
    if (!old) this.#docOfKey.add(key, doc);
    this.#countFacets(doc, 1);
    const reused = this.#isStale(doc);
    if (!old || oldText !== entries.text(doc) || oldPhones !== entries.phones(doc)) {
      // A changed or reused doc keeps the grams it had: its text must confirm every hit.
      if (old && !reused) this.#markStale(doc);
      this.#addGrams(doc);
    }
    this.#changed(doc);
  }

  remove(key: string): void {
    const doc = this.#docOfKey.get(key);
    if (doc === undefined) return;
    this.#countFacets(doc, -1);
    // While the entry still holds the key: the table reads it from there.
    this.#docOfKey.delete(key);
    this.#entries.clear(doc);
    this.#free.push(doc);
    if (!this.#isStale(doc)) this.#markStale(doc);
    this.#changed(doc);
  }

  /** A bulk read is done: the postings of the docs added lately are packed (a third the memory). */
  pack(): void {
    this.#texts.freeze();
    this.#digits.freeze();
  }

  /** Drops every key not in `keys` (rows deleted or re-keyed in the store). */
  retainOnly(keys: ReadonlySet<string>): void {
    for (let doc = 0; doc < this.#entries.capacity; doc += 1) {
      const key = this.#entries.key(doc);
      if (key !== undefined && !keys.has(key)) this.remove(key);
    }
  }

  /** The matching docs in sort order, all of them (tests, tools; the worker reads `answer`). */
  search(query: ListQuery): Int32Array {
    return this.answer(query).all();
  }

  /**
   * The matching docs in sort order, put in order only as far as they are read: the count at
   * once, the first screenful by a walk up to its last row, the rest on demand (ordered-answer.ts).
   * Valid until the index changes.
   */
  answer(query: ListQuery): OrderedAnswer {
    const filterKey = JSON.stringify([query.facets, query.badge, query.sort]);
    const last = this.#last;
    const sameView =
      last !== null && last.filterKey === filterKey && last.version === this.#version;
    if (sameView && last.text === query.text) return last.answer;
    const matcher = matcherOf(query.text);
    // A space typed after a word ("0171 ", "müller ") asks the same as before it.
    if (sameView && sameMatch(last.matcher, matcher)) {
      this.#last = { ...last, text: query.text };
      return last.answer;
    }
    let answer: OrderedAnswer;
    // Only an answer already counted: counting it now would confirm every candidate of the last
    // text just to decide (the next key usually comes before its confirmation is done).
    if (
      sameView &&
      last.answer.exact &&
      last.answer.count <= narrowingLimit &&
      needsTexts(matcher) &&
      narrows(last.matcher, matcher)
    ) {
      // The last answer's docs already passed the filters and are in this sort order.
      answer = placedAnswer(last.answer.all().filter((doc) => this.#matches(doc, matcher)));
    } else {
      if (this.#stale.size > Math.max(1_024, this.size * staleShareForRebuild)) this.#rebuild();
      answer = this.#collect(this.#orders.get(query.sort), matcher, query);
    }
    this.#last = { filterKey, text: query.text, matcher, version: this.#version, answer };
    return answer;
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
  #collect(order: SortedDocs, matcher: Matcher, query: ListQuery): OrderedAnswer {
    const facetFilters = this.#facets.flatMap((facet, index) => {
      const wanted = query.facets[facet.id];
      return wanted ? [[index, wanted] as const] : [];
    });
    const filtering = query.badge !== '' || facetFilters.length > 0;
    const passes = (doc: number) => !filtering || this.#passes(doc, query.badge, facetFilters);
    if (matcher.terms.length === 0) {
      return filtering ? placedAnswer(order.docs.filter(passes)) : wholeOrderAnswer(order.docs);
    }
    const sides = [
      this.#byText(matcher.terms),
      matcher.digits ? this.#byDigits(matcher.digits) : null,
    ];
    const found = sides.filter((side): side is Found => side !== null);
    if (found.length === 0) return placedAnswer(new Int32Array(0));
    // Sorting k hits by rank costs ~k·log k steps, one walk of the order a cheap step per doc.
    const few = Math.max(fewHitsMinimum, order.docs.length / fewHitsShare);
    if (found.every(({ set }) => 'docs' in set && set.docs.length <= few)) {
      // Few docs: confirm them, then put them in sort order by rank (cost follows the hits).
      const ranks: number[] = [];
      for (const side of found) {
        for (const doc of (side.set as { docs: Int32Array }).docs) {
          const rank = order.rank[doc] ?? -1;
          if (rank >= 0 && this.#confirmed(side, doc, matcher) && passes(doc)) ranks.push(rank);
        }
      }
      // Ranks are numbers: sorted natively, and a doc both sides found is next to itself.
      const sorted = Int32Array.from(ranks).sort();
      const docs = new Int32Array(sorted.length);
      let count = 0;
      for (let i = 0; i < sorted.length; i += 1) {
        if (i === 0 || sorted[i] !== sorted[i - 1]) docs[count++] = order.docs[sorted[i]!]!;
      }
      return placedAnswer(docs.slice(0, count));
    }
    // Many docs: one bitset of the hits, each candidate confirmed where needed, then one walk of
    // the order testing one bit per doc.
    const hits = new Uint32Array((order.rank.length + 31) >>> 5);
    // Unfiltered, the many candidates of a side are confirmed only as the walk reaches them.
    const later = filtering
      ? []
      : found.filter(({ set, confirm }) => confirm && !('docs' in set && set.docs.length <= few));
    if (later.length > 0) {
      for (const side of found) if (!later.includes(side)) this.#addHits(hits, side, matcher);
      return confirmingAnswer(order.docs, hits, this.#candidates(hits, later), (doc) =>
        this.#matches(doc, matcher),
      );
    }
    for (const side of found) this.#addHits(hits, side, matcher);
    this.#settleStale(hits, matcher);
    // Every set bit is a live doc once stale ones are settled, so unfiltered the count is the
    // bits', and only the rows read are put in order (at 1,000,000 the walk is milliseconds).
    if (!filtering) return walkedAnswer(order.docs, hits, popcount(hits));
    let out: Int32Array = new Int32Array(popcount(hits));
    let count = 0;
    const docs = order.docs;
    for (let i = 0; i < docs.length; i += 1) {
      const doc = docs[i]!;
      if ((hits[doc >>> 5]! & (1 << (doc & 31))) === 0 || !passes(doc)) continue;
      if (count === out.length) out = grown(out);
      out[count++] = doc;
    }
    return placedAnswer(count === out.length ? out : out.slice(0, count));
  }

  /**
   * The docs of `sides` not already in `hits` (all of which need confirming on the whole query),
   * and the stale docs among `hits` moved to them: any side may have set a stale doc's bit on its
   * out-of-date grams, so its text decides.
   */
  #candidates(hits: Uint32Array, sides: readonly Found[]): Uint32Array {
    const maybe = new Uint32Array(hits.length);
    for (const { set } of sides) {
      if ('docs' in set) {
        for (const doc of set.docs)
          if (doc < hits.length * 32) maybe[doc >>> 5]! |= 1 << (doc & 31);
      } else {
        const words = Math.min(maybe.length, set.bits.length);
        for (let word = 0; word < words; word += 1) maybe[word]! |= set.bits[word]!;
      }
    }
    for (let word = 0; word < maybe.length; word += 1) maybe[word]! &= ~hits[word]!;
    for (const doc of this.#stale) {
      const word = doc >>> 5;
      const bit = 1 << (doc & 31);
      if (word < hits.length && (hits[word]! & bit) !== 0) {
        hits[word]! &= ~bit;
        maybe[word]! |= bit;
      }
    }
    return maybe;
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
    const texts = this.#texts;
    const set = texts.intersect(terms.flatMap((term) => texts.termGrams(term)));
    return set && { set, confirm: terms.some((term) => term.length > textGram), text: true };
  }

  #byDigits(digits: string): Found | null {
    const set = this.#digits.intersect(this.#digits.termGrams(digits));
    return set && { set, confirm: digits.length > digitGram, text: false };
  }

  /** One doc against one side of the query, on its own text. */
  #matchesSide(doc: number, { terms, digits }: Matcher, text: boolean): boolean {
    // A removed doc stays in the postings until its number is used again: it matches nothing.
    if (!this.#entries.has(doc)) return false;
    if (text) {
      // A plain loop: this runs for every candidate of a longer term (100,000 at 1,000,000).
      const own = this.#entries.text(doc);
      for (let i = 0; i < terms.length; i += 1) if (!own.includes(terms[i]!)) return false;
      return true;
    }
    return digits !== null && phonesInclude(this.#entries.phones(doc), digits);
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
    const entries = this.#entries;
    if (badge !== '' && entries.badge(doc) !== badge) return false;
    for (const [index, wanted] of facetFilters) {
      if (entries.facet(doc, index) !== wanted) return false;
    }
    return true;
  }

  #countFacets(doc: number, delta: 1 | -1): void {
    this.#facetCounts.forEach((counts, index) => {
      const value = this.#entries.facet(doc, index);
      if (!value) return;
      const count = (counts.get(value) ?? 0) + delta;
      if (count > 0) counts.set(value, count);
      else counts.delete(value);
    });
  }

  #isStale(doc: number): boolean {
    return this.#stale.has(doc);
  }

  #markStale(doc: number): void {
    this.#stale.add(doc);
  }

  /** Postings from the current texts: no doc is stale afterwards. */
  #rebuild(): void {
    this.#texts = new GramPostings(textSeparator, this.#freezeEvery, textGram);
    this.#digits = new GramPostings(digitSeparator, this.#freezeEvery, digitGram);
    this.#stale.clear();
    for (let doc = 0; doc < this.#entries.capacity; doc += 1) {
      if (this.#entries.has(doc)) this.#addGrams(doc);
    }
    this.pack();
  }

  #addGrams(doc: number): void {
    this.#texts.add(doc, this.#entries.text(doc));
    this.#digits.add(doc, phoneGramText(this.#entries.phones(doc), digitGram));
  }

  #changed(doc: number): void {
    this.#version += 1;
    this.#orders.changed(doc);
    this.#last = null;
  }
}

/** A copy twice the size (a guard: the hits' count is what the answer can hold). */
function grown(docs: Int32Array): Int32Array {
  const bigger = new Int32Array(Math.max(16, docs.length * 2));
  bigger.set(docs);
  return bigger;
}
