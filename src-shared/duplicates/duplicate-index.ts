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
import { compareNames, isGenericWord } from './name-similarity';
import {
  addressKey,
  companyDomain,
  customerNumberKey,
  emailKey,
  nameTokens,
  phoneKey,
} from './normalize';
import { Postings } from './postings';

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

interface Entry {
  readonly name: string;
  readonly tokens: readonly string[];
  readonly nameKey: string;
  readonly number: string;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly domains: readonly string[];
  readonly address: string;
}

export interface CheckOptions {
  /** The customer being edited: never its own duplicate. */
  readonly excludeKey?: string | null;
  /** The name is still being typed: its last word may be unfinished. */
  readonly typing?: boolean;
  readonly limit?: number;
}

export class DuplicateIndex {
  readonly #entries = new Map<string, Entry>();
  readonly #byWord = new Postings();
  /** Word variants with one letter left out → the words they come from (typo look-up). */
  readonly #wordsByDeletion = new Postings();
  readonly #byName = new Postings();
  readonly #byNumber = new Postings();
  readonly #byPhone = new Postings();
  readonly #byEmail = new Postings();
  readonly #byDomain = new Postings();
  readonly #byAddress = new Postings();
  #sortedWords: string[] | null = null;

  get size(): number {
    return this.#entries.size;
  }

  upsert(key: string, fields: DuplicateFields): void {
    this.remove(key);
    const tokens = nameTokens(fields.name);
    const emails = unique(fields.emails.map(emailKey));
    const entry: Entry = {
      name: fields.name.trim(),
      tokens,
      nameKey: nameKeyOf(tokens),
      number: customerNumberKey(fields.customerNumber),
      phones: unique(fields.phones.map(phoneKey)),
      emails,
      domains: unique([...emails, ...fields.websites].map(companyDomain)),
      address: addressKey(fields.addressLine, fields.city),
    };
    this.#entries.set(key, entry);
    for (const word of new Set(tokens)) {
      if (this.#byWord.count(word) === 0) this.#addWord(word);
      this.#byWord.add(word, key);
    }
    this.#each(entry, (postings, value) => postings.add(value, key));
  }

  remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    // A word no customer has any more stays among the typo variants: it finds nobody there.
    for (const word of new Set(entry.tokens)) this.#byWord.remove(word, key);
    this.#each(entry, (postings, value) => postings.remove(value, key));
  }

  /** Keeps only these customers (the others were discarded, deleted or re-keyed). */
  retainOnly(keys: ReadonlySet<string>): void {
    for (const key of [...this.#entries.keys()]) if (!keys.has(key)) this.remove(key);
  }

  /** The customers the draft may duplicate, most likely first, at most five. */
  check(probe: DuplicateFields, options: CheckOptions = {}): DuplicateCandidate[] {
    const found = new Map<string, MatchReason[]>();
    const note = (keys: readonly string[], reason: MatchReason) => {
      for (const key of keys) {
        if (key === options.excludeKey) continue;
        const reasons = found.get(key);
        if (!reasons) found.set(key, [reason]);
        else if (!reasons.some((known) => known.kind === reason.kind)) reasons.push(reason);
      }
    };
    const number = customerNumberKey(probe.customerNumber);
    if (number) note(this.#byNumber.get(number), { kind: 'customer-number' });
    const emails = unique(probe.emails.map(emailKey));
    for (const email of emails) note(this.#byEmail.get(email), { kind: 'email' });
    for (const phone of unique(probe.phones.map(phoneKey))) {
      note(this.#byPhone.get(phone), { kind: 'phone' });
    }
    const address = addressKey(probe.addressLine, probe.city);
    if (address) note(this.#byAddress.get(address), { kind: 'address' });
    for (const domain of unique([...emails, ...probe.websites].map(companyDomain))) {
      note(this.#byDomain.get(domain), { kind: 'domain', domain });
    }
    const similarity = this.#checkName(probe.name, options, note);
    const candidates: DuplicateCandidate[] = [];
    for (const [key, reasons] of found) {
      const entry = this.#entries.get(key)!;
      // "Same email address" already says the domain is the same.
      const shown = reasons.some((reason) => reason.kind === 'email')
        ? reasons.filter((reason) => reason.kind !== 'domain')
        : reasons;
      shown.sort((a, b) => reasonWeights[b.kind] - reasonWeights[a.kind]);
      const score = shown.reduce(
        (sum, reason) =>
          sum +
          reasonWeights[reason.kind] +
          (reason.kind === 'similar-name' ? 50 * (similarity.get(key) ?? 0) : 0),
        0,
      );
      candidates.push({ key, name: entry.name, reasons: shown.map(reasonText), score });
    }
    candidates.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    return candidates.slice(0, options.limit ?? maxCandidates);
  }

  #checkName(
    name: string,
    options: CheckOptions,
    note: (keys: readonly string[], reason: MatchReason) => void,
  ): Map<string, number> {
    const scores = new Map<string, number>();
    const tokens = nameTokens(name);
    if (tokens.join('').length < 3) return scores;
    note(this.#byName.get(nameKeyOf(tokens)), { kind: 'same-name' });
    const weight = (token: string) => this.#weight(token);
    for (const key of this.#nameBlock(tokens, options.typing === true)) {
      if (key === options.excludeKey) continue;
      const entry = this.#entries.get(key);
      if (!entry) continue;
      const match = compareNames(tokens, entry.tokens, weight, options.typing === true);
      if (!match.similar || entry.nameKey === nameKeyOf(tokens)) continue;
      scores.set(key, match.score);
      note([key], { kind: 'similar-name' });
    }
    return scores;
  }

  /**
   * Customers sharing an essential word (exactly, with a typo, or begun by the last word typed).
   * The essential words are the probe's weightiest that together carry over 58% of its weight: a
   * name matching none of them matches at most 42%, and its score stays below the lowest
   * threshold (2·0.42 ÷ 1.42 < 0.6), so skipping the common words' long lists loses nothing.
   */
  #nameBlock(tokens: readonly string[], typing: boolean): Set<string> {
    const weighed = tokens.map((token, index) => ({
      token,
      unfinished: typing && index === tokens.length - 1,
      weight: this.#weight(token),
    }));
    const total = weighed.reduce((sum, { weight }) => sum + weight, 0);
    weighed.sort((a, b) => b.weight - a.weight);
    const keys = new Set<string>();
    let covered = 0;
    for (const { token, unfinished, weight } of weighed) {
      if (covered > essentialShare * total) break;
      covered += weight;
      for (const word of this.#wordsLike(token, unfinished)) {
        if (this.#byWord.count(word) > maxPostingsPerWord) continue;
        for (const key of this.#byWord.get(word)) keys.add(key);
      }
    }
    return keys;
  }

  #wordsLike(token: string, unfinished: boolean): Set<string> {
    const words = new Set<string>([token]);
    if (typosAllowed(token.length) > 0) {
      for (const variant of [token, ...deletionKeys(token)]) {
        for (const word of this.#wordsByDeletion.get(variant)) {
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
    const sorted = (this.#sortedWords ??= [...this.#knownWords()].sort());
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

  readonly #words = new Set<string>();

  #knownWords(): Set<string> {
    return this.#words;
  }

  #addWord(word: string): void {
    if (this.#words.has(word)) return;
    this.#words.add(word);
    this.#sortedWords = null;
    if (typosAllowed(word.length) === 0) return;
    this.#wordsByDeletion.add(word, word);
    for (const variant of deletionKeys(word)) this.#wordsByDeletion.add(variant, word);
  }

  /** How telling a word is: rare words weigh more; trade words ("Supply") half. */
  #weight(token: string): number {
    const rarity = Math.log(1 + (this.#entries.size + 1) / (1 + this.#byWord.count(token)));
    return isGenericWord(token) ? rarity / 2 : rarity;
  }

  #each(entry: Entry, visit: (postings: Postings, value: string) => void): void {
    if (entry.nameKey) visit(this.#byName, entry.nameKey);
    if (entry.number) visit(this.#byNumber, entry.number);
    if (entry.address) visit(this.#byAddress, entry.address);
    for (const phone of entry.phones) visit(this.#byPhone, phone);
    for (const email of entry.emails) visit(this.#byEmail, email);
    for (const domain of entry.domains) visit(this.#byDomain, domain);
  }
}

/** Word order aside: "Industrial Acme" names the same company as "Acme Industrial". */
function nameKeyOf(tokens: readonly string[]): string {
  return [...tokens].sort().join(' ');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
