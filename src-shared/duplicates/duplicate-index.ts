// The blocking index of one connection's customers: postings from name words, one-typo word
// variants, phone digits, emails, company domains, customer numbers and addresses to customer
// keys, so a check looks at the few customers that share something with the draft instead of
// comparing it with all 100,000. docs/duplicates.md explains the rules and the figures.
import { deletionKeys, typosAllowed, withinEdits } from './edit-distance';
import {
  reasonText,
  type DuplicateCandidate,
  type DuplicateFields,
  type MatchReason,
} from './fields';
import { DocOfKey } from './doc-of-key';
import { compareNames, isGenericWord } from './name-similarity';
import {
  addressKey,
  companyDomain,
  customerNumberKey,
  emailKey,
  nameTokens,
  phoneKey,
} from './normalize';
import { HashedTermPostings, TextTermPostings, type TermPostings } from './term-postings';

/** At most this many candidates are shown. */
export const maxCandidates = 5;
/** Names of more customers than this are not read through one word (a word that common says little). */
const maxPostingsPerWord = 2000;
/** See #nameBlock: a name sharing none of the words that carry this share of weight is not similar. */
const essentialShare = 0.58;
/** Words an unfinished last word may stand for. */
const maxPrefixWords = 40;

const reasonWeights: Readonly<Record<MatchReason['kind'], number>> = {
  'customer-number': 100,
  email: 90,
  'same-name': 85,
  phone: 80,
  address: 60,
  domain: 45,
  'similar-name': 30,
};

export interface CheckOptions {
  /** The customer being edited: never its own duplicate. */
  readonly excludeKey?: string | null;
  /** The name is still being typed: its last word may be unfinished. */
  readonly typing?: boolean;
  readonly limit?: number;
}

export class DuplicateIndex {
  // Columns by doc number (a customer's slot; freed slots are re-used): its key, its name as
  // typed, and where its terms sit in #log. No object per customer, and nothing normalised is
  // kept that the terms do not already hold. The key and name strings are the record's own, so
  // in the search worker they are the very strings the search index keeps too.
  readonly #keys: (string | undefined)[] = [];
  readonly #docOfKey = new DocOfKey((doc) => this.#keys[doc]);
  readonly #names: string[] = [];
  readonly #freeDocs: number[] = [];
  /** Customers whose terms are in (admitted ones wait for indexTerms). */
  #indexed = 0;
  /** Per doc: its name's word terms in order (repeats too), then its other terms, once each. */
  #log = new Int32Array(64);
  #logEnd = 0;
  /** Log entries of removed docs, reclaimed by #compactLog. */
  #logGarbage = 0;
  /** Per doc: where its terms begin in #log, or `notIndexed`. */
  #logStart = new Int32Array(1024).fill(notIndexed);
  #logWords = new Uint16Array(1024);
  #logLength = new Uint16Array(1024);
  readonly #words = new TextTermPostings();
  /**
   * Word variants with one letter left out → the words they come from (typo look-up). One hash:
   * a variant sharing a term with another only adds a word that withinEdits then rejects.
   */
  readonly #wordsByDeletion = new HashedTermPostings({ oneHash: true });
  readonly #byName = new HashedTermPostings();
  readonly #byNumber = new HashedTermPostings();
  readonly #byPhone = new HashedTermPostings();
  readonly #byEmail = new HashedTermPostings();
  readonly #byDomain = new HashedTermPostings();
  readonly #byAddress = new HashedTermPostings();
  #sortedWords: string[] | null = null;

  /** How many customers are indexed (admitted ones waiting for their terms do not count). */
  get size(): number {
    return this.#indexed;
  }

  upsert(key: string, fields: DuplicateFields): void {
    this.indexTerms(this.admit(key, fields.name), fields);
  }

  /**
   * Gives the customer a doc number, its key and its name (replacing what the key had), without
   * terms: it is nobody's candidate until `indexTerms`. The feed admits rows as they arrive and
   * indexes their terms later, so a waiting row needs no key or name of its own.
   */
  admit(key: string, name: string): number {
    this.remove(key);
    const doc = this.#freeDocs.pop() ?? this.#keys.length;
    this.#ensureDoc(doc);
    this.#keys[doc] = key;
    this.#names[doc] = name.trim();
    this.#docOfKey.add(key, doc);
    return doc;
  }

  /** The doc of an admitted customer, or undefined. */
  docOf(key: string): number | undefined {
    return this.#docOfKey.get(key);
  }

  /** The key of an admitted doc. */
  keyOf(doc: number): string | undefined {
    return this.#keys[doc];
  }

  /** The name of an admitted doc, as `admit` was given it (trimmed). */
  nameOf(doc: number): string {
    return this.#names[doc] ?? '';
  }

  /** Indexes an admitted doc's terms (once); `fields.name` is the one it was admitted with. */
  indexTerms(doc: number, fields: DuplicateFields): void {
    if (this.#keys[doc] === undefined || this.#logStart[doc] !== notIndexed) {
      throw new Error('indexTerms: the doc is not admitted or already indexed');
    }
    // Surrounding spaces only separate words: the trimmed name has the same tokens.
    const tokens = nameTokens(fields.name);
    const emails = unique(fields.emails.map(emailKey));
    const words = tokens.map((word) => {
      const known = this.#words.find(word);
      return known >= 0 ? known : this.#addWord(word);
    });
    // Term numbers of all kinds share the log, so each kind gets its own range of the number:
    // the kind is the low 3 bits.
    const terms: number[] = [];
    for (const word of new Set(words)) terms.push(word * kinds + wordKind);
    const nameKey = nameKeyOf(tokens);
    const visit = (kind: number, value: string) => {
      if (value) terms.push(this.#postings(kind).intern(value) * kinds + kind);
    };
    visit(nameKind, nameKey);
    visit(numberKind, customerNumberKey(fields.customerNumber));
    visit(addressKind, addressKey(fields.addressLine, fields.city));
    for (const phone of unique(fields.phones.map(phoneKey))) visit(phoneKind, phone);
    for (const email of emails) visit(emailKind, email);
    for (const domain of unique([...emails, ...fields.websites].map(companyDomain))) {
      visit(domainKind, domain);
    }
    for (const term of terms) this.#postings(term % kinds).add(Math.floor(term / kinds), doc);
    this.#writeLog(doc, words, terms);
    this.#indexed += 1;
  }

  remove(key: string): void {
    const doc = this.#docOfKey.get(key);
    if (doc === undefined) return;
    this.#docOfKey.delete(key);
    this.#keys[doc] = undefined;
    this.#names[doc] = '';
    this.#freeDocs.push(doc);
    if (this.#logStart[doc] === notIndexed) return;
    this.#indexed -= 1;
    const start = this.#logStart[doc]! + this.#logWords[doc]!;
    const end = this.#logStart[doc]! + this.#logLength[doc]!;
    // A word no customer has any more stays among the typo variants: it finds nobody there.
    for (let at = start; at < end; at++) {
      const term = this.#log[at]!;
      this.#postings(term % kinds).remove(Math.floor(term / kinds), doc);
    }
    this.#logGarbage += this.#logLength[doc]!;
    this.#logStart[doc] = notIndexed;
    this.#logLength[doc] = 0;
    this.#logWords[doc] = 0;
  }

  /**
   * Gives back the room the arrays grew into ahead of need (typed arrays grow by half again, so
   * up to a third of them is empty after a big build). For after a big batch, not every row.
   */
  trim(): void {
    for (let kind = 0; kind < kinds; kind++) this.#postings(kind).trim();
    this.#wordsByDeletion.trim();
    if (this.#logGarbage > 0) this.#compactLog();
    this.#log = this.#log.slice(0, Math.max(64, this.#logEnd));
    const docs = Math.max(1, this.#keys.length);
    this.#logStart = this.#logStart.slice(0, docs);
    this.#logWords = this.#logWords.slice(0, docs);
    this.#logLength = this.#logLength.slice(0, docs);
  }

  /** Keeps only these customers (the others were discarded, deleted or re-keyed). */
  retainOnly(keys: ReadonlySet<string>): void {
    for (let doc = 0; doc < this.#keys.length; doc++) {
      const key = this.#keys[doc];
      if (key !== undefined && !keys.has(key)) this.remove(key);
    }
  }

  /** The customers the draft may duplicate, most likely first, at most five. */
  check(probe: DuplicateFields, options: CheckOptions = {}): DuplicateCandidate[] {
    const excluded =
      options.excludeKey == null ? -1 : (this.#docOfKey.get(options.excludeKey) ?? -1);
    const found = new Map<number, MatchReason[]>();
    const note = (docs: Iterable<number>, reason: MatchReason) => {
      for (const doc of docs) {
        if (doc === excluded) continue;
        const reasons = found.get(doc);
        if (!reasons) found.set(doc, [reason]);
        else if (!reasons.some((known) => known.kind === reason.kind)) reasons.push(reason);
      }
    };
    const docsOf = (postings: TermPostings, value: string) => postings.docs(postings.find(value));
    const number = customerNumberKey(probe.customerNumber);
    if (number) note(docsOf(this.#byNumber, number), { kind: 'customer-number' });
    const emails = unique(probe.emails.map(emailKey));
    for (const email of emails) note(docsOf(this.#byEmail, email), { kind: 'email' });
    for (const phone of unique(probe.phones.map(phoneKey))) {
      note(docsOf(this.#byPhone, phone), { kind: 'phone' });
    }
    const address = addressKey(probe.addressLine, probe.city);
    if (address) note(docsOf(this.#byAddress, address), { kind: 'address' });
    for (const domain of unique([...emails, ...probe.websites].map(companyDomain))) {
      note(docsOf(this.#byDomain, domain), { kind: 'domain', domain });
    }
    const similarity = this.#checkName(probe.name, options, excluded, note);
    const candidates: DuplicateCandidate[] = [];
    for (const [doc, reasons] of found) {
      // "Same email address" already says the domain is the same.
      const shown = reasons.some((reason) => reason.kind === 'email')
        ? reasons.filter((reason) => reason.kind !== 'domain')
        : reasons;
      shown.sort((a, b) => reasonWeights[b.kind] - reasonWeights[a.kind]);
      const score = shown.reduce(
        (sum, reason) =>
          sum +
          reasonWeights[reason.kind] +
          (reason.kind === 'similar-name' ? 50 * (similarity.get(doc) ?? 0) : 0),
        0,
      );
      const key = this.#keys[doc]!;
      candidates.push({ key, name: this.#names[doc]!, reasons: shown.map(reasonText), score });
    }
    candidates.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    return candidates.slice(0, options.limit ?? maxCandidates);
  }

  #checkName(
    name: string,
    options: CheckOptions,
    excluded: number,
    note: (docs: Iterable<number>, reason: MatchReason) => void,
  ): Map<number, number> {
    const scores = new Map<number, number>();
    const tokens = nameTokens(name);
    if (tokens.join('').length < 3) return scores;
    const sameName = this.#byName.find(nameKeyOf(tokens));
    note(this.#byName.docs(sameName), { kind: 'same-name' });
    const weight = (token: string) => this.#weight(token);
    for (const doc of this.#nameBlock(tokens, options.typing === true)) {
      if (doc === excluded || this.#keys[doc] === undefined) continue;
      const match = compareNames(tokens, this.#tokensOf(doc), weight, options.typing === true);
      if (!match.similar || this.#hasTerm(doc, sameName * kinds + nameKind)) continue;
      scores.set(doc, match.score);
      note([doc], { kind: 'similar-name' });
    }
    return scores;
  }

  /**
   * Customers sharing an essential word (exactly, with a typo, or begun by the last word typed).
   * The essential words are the probe's weightiest that together carry over 58% of its weight: a
   * name matching none of them matches at most 42%, and its score stays below the lowest
   * threshold (2·0.42 ÷ 1.42 < 0.6), so skipping the common words' long lists loses nothing.
   */
  #nameBlock(tokens: readonly string[], typing: boolean): Set<number> {
    const weighed = tokens.map((token, index) => ({
      token,
      unfinished: typing && index === tokens.length - 1,
      weight: this.#weight(token),
    }));
    const total = weighed.reduce((sum, { weight }) => sum + weight, 0);
    weighed.sort((a, b) => b.weight - a.weight);
    const docs = new Set<number>();
    let covered = 0;
    for (const { token, unfinished, weight } of weighed) {
      if (covered > essentialShare * total) break;
      covered += weight;
      for (const word of this.#wordsLike(token, unfinished)) {
        const term = this.#words.find(word);
        if (this.#words.count(term) > maxPostingsPerWord) continue;
        for (const doc of this.#words.docs(term)) docs.add(doc);
      }
    }
    return docs;
  }

  #wordsLike(token: string, unfinished: boolean): Set<string> {
    const words = new Set<string>([token]);
    if (typosAllowed(token.length) > 0) {
      for (const variant of [token, ...deletionKeys(token)]) {
        for (const wordTerm of this.#wordsByDeletion.docs(this.#wordsByDeletion.find(variant))) {
          const word = this.#words.text(wordTerm);
          const typos = typosAllowed(Math.min(word.length, token.length));
          if (withinEdits(token, word, typos)) words.add(word);
        }
      }
    }
    if (unfinished && token.length >= 3) {
      for (const word of this.#wordsStartingWith(token)) words.add(word);
    }
    return words;
  }

  #wordsStartingWith(prefix: string): string[] {
    const sorted = (this.#sortedWords ??= [...this.#words.texts].sort());
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const words: string[] = [];
    for (let at = low; at < sorted.length && words.length < maxPrefixWords; at++) {
      if (!sorted[at]!.startsWith(prefix)) break;
      words.push(sorted[at]!);
    }
    return words;
  }

  /** A new word of the vocabulary: its typo variants find it from now on. */
  #addWord(word: string): number {
    const term = this.#words.intern(word);
    this.#sortedWords = null;
    if (typosAllowed(word.length) === 0) return term;
    // A word's variants can repeat ("aab" without either "a"): each finds the word once.
    for (const variant of new Set([word, ...deletionKeys(word)])) {
      this.#wordsByDeletion.add(this.#wordsByDeletion.intern(variant), term);
    }
    return term;
  }

  /** How telling a word is: rare words weigh more; trade words ("Supply") half. */
  #weight(token: string): number {
    const count = this.#words.count(this.#words.find(token));
    const rarity = Math.log(1 + (this.#indexed + 1) / (1 + count));
    return isGenericWord(token) ? rarity / 2 : rarity;
  }

  #postings(kind: number): TermPostings {
    switch (kind) {
      case wordKind:
        return this.#words;
      case nameKind:
        return this.#byName;
      case numberKind:
        return this.#byNumber;
      case addressKind:
        return this.#byAddress;
      case phoneKind:
        return this.#byPhone;
      case emailKind:
        return this.#byEmail;
      default:
        return this.#byDomain;
    }
  }

  /** The doc's name words, in order, as nameTokens made them. */
  #tokensOf(doc: number): string[] {
    const start = this.#logStart[doc]!;
    const tokens: string[] = [];
    for (let at = start; at < start + this.#logWords[doc]!; at++) {
      tokens.push(this.#words.text(this.#log[at]!));
    }
    return tokens;
  }

  #hasTerm(doc: number, term: number): boolean {
    if (term < 0) return false;
    const start = this.#logStart[doc]!;
    for (let at = start + this.#logWords[doc]!; at < start + this.#logLength[doc]!; at++) {
      if (this.#log[at] === term) return true;
    }
    return false;
  }

  #writeLog(doc: number, words: readonly number[], terms: readonly number[]): void {
    const length = Math.min(words.length + terms.length, 0xffff);
    if (this.#logEnd + length > this.#log.length) {
      if (this.#logGarbage > this.#logEnd / 2) this.#compactLog();
      if (this.#logEnd + length > this.#log.length) {
        this.#log = grown(
          this.#log,
          Math.max(Math.floor(this.#log.length * 1.5), this.#logEnd + length),
        );
      }
    }
    this.#logStart[doc] = this.#logEnd;
    this.#logWords[doc] = words.length;
    this.#logLength[doc] = words.length + terms.length;
    this.#log.set(words, this.#logEnd);
    this.#log.set(terms, this.#logEnd + words.length);
    this.#logEnd += words.length + terms.length;
    if (length !== words.length + terms.length) throw new Error('a customer with too many terms');
  }

  #ensureDoc(doc: number): void {
    if (doc < this.#logStart.length) return;
    const size = Math.max(this.#logStart.length * 2, doc + 1);
    const starts = new Int32Array(size).fill(notIndexed);
    starts.set(this.#logStart);
    this.#logStart = starts;
    this.#logWords = grown(this.#logWords, size);
    this.#logLength = grown(this.#logLength, size);
  }

  /** Moves the live docs' log entries together, dropping those of removed docs. */
  #compactLog(): void {
    const log = new Int32Array(Math.max(64, (this.#logEnd - this.#logGarbage) * 2));
    let end = 0;
    for (let doc = 0; doc < this.#keys.length; doc++) {
      if (this.#logStart[doc] === notIndexed) continue;
      const start = this.#logStart[doc]!;
      const length = this.#logLength[doc]!;
      log.set(this.#log.subarray(start, start + length), end);
      this.#logStart[doc] = end;
      end += length;
    }
    this.#log = log;
    this.#logEnd = end;
    this.#logGarbage = 0;
  }
}

/** In #logStart: the doc has no terms (free, or admitted and waiting for them). */
const notIndexed = -1;

/** The kinds of term, in the low digits of a term number in the log (term × kinds + kind). */
const kinds = 7;
const wordKind = 0;
const nameKind = 1;
const numberKind = 2;
const addressKind = 3;
const phoneKind = 4;
const emailKind = 5;
const domainKind = 6;

function grown<T extends Int32Array | Uint16Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (size: number) => T)(size);
  copy.set(array);
  return copy;
}

/** Word order aside: "Industrial Acme" names the same company as "Acme Industrial". */
function nameKeyOf(tokens: readonly string[]): string {
  return [...tokens].sort().join(' ');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
