// A seeded corpus for the duplicate matcher's quality: customers with invented but realistic names,
// phones, emails, web and street addresses; probes that are planted near-duplicates of one of them
// (every kind the matcher knows) and hard negatives that must match nothing. The node quality gate
// and bench/duplicates.ts measure recall and precision on it.
import { noDuplicateFields, type DuplicateFields } from '../fields';
import type { DuplicateIndex } from '../duplicate-index';

export type PlantedKind =
  | 'respelled name'
  | 'typo in name'
  | 'missing word'
  | 'phone'
  | 'email'
  | 'email domain'
  | 'customer ID'
  | 'address';

export type NegativeKind =
  | 'similar name, other company'
  | 'same city only'
  | 'same free-mail provider'
  | 'same street, other city';

export interface CorpusCase {
  readonly kind: PlantedKind | NegativeKind;
  readonly probe: DuplicateFields;
  /** The customer the probe duplicates; null for a hard negative. */
  readonly expected: string | null;
}

export interface DuplicateCorpus {
  readonly customers: readonly (readonly [string, DuplicateFields])[];
  readonly cases: readonly CorpusCase[];
}

const syllables =
  'ka ve lor tan mi sel bra no ri dex ful gan ho pi tre su var zel quo mon ax del fin gor lu pra sto ren wik yol bel cor dra eth hal jor kes mar'.split(
    ' ',
  );
const surnames =
  'Weber Schmidt Müller Fischer Wagner Becker Hoffmann Schäfer Koch Richter Klein Wolf Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Smith Jones Taylor Brown Wilson Evans Thomas Roberts Rossi Bianchi Ferrari Romano Dubois Martin Bernard Moreau Laurent Jansen Visser Nilsson Larsen Virtanen Novak Horvat Kowalski'.split(
    ' ',
  );
const tradeWords =
  'Logistik Bau Elektro Maschinenbau Software Consulting Handel Technik Industrial Supply Services Solutions Group Holding Systems Engineering Trading Media Design Energy Medical Foods Transport Rental'.split(
    ' ',
  );
const legalForms = [
  'GmbH',
  'AG',
  'KG',
  'Ltd.',
  'Inc.',
  'LLC',
  'S.A.',
  'SAS',
  'B.V.',
  'AB',
  'Oy',
  'S.p.A.',
  'GmbH & Co. KG',
  'e.K.',
  'plc',
];
const joiners = ['& Partner', '& Söhne', 'and Sons', '& Co.'];
const cities =
  'Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dortmund Essen Bremen Dresden Hannover Nürnberg Wien Graz Zürich Basel Bern London Leeds Manchester Bristol Paris Lyon Lille Milano Torino Madrid Porto Amsterdam Utrecht Stockholm Malmö Helsinki Oslo Praha Brno Kraków Gdańsk Ljubljana'.split(
    ' ',
  );
const freeMail = [
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'yahoo.com',
  'gmx.de',
  'web.de',
  'icloud.com',
  'proton.me',
];
const mailboxes = [
  'info',
  'office',
  'sales',
  'kontakt',
  'anna',
  'ben',
  'carla',
  'david',
  'eva',
  'einkauf',
];

/** mulberry32: small, fast and the same on every machine. */
function randomOf(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Draw {
  constructor(readonly random: () => number) {}
  int(below: number): number {
    return Math.floor(this.random() * below);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  invented(): string {
    const word = this.pick(syllables) + this.pick(syllables) + this.pick(syllables);
    return word[0]!.toUpperCase() + word.slice(1);
  }
  digits(count: number): string {
    let out = String(1 + this.int(9));
    while (out.length < count) out += String(this.int(10));
    return out;
  }
}

interface Company {
  readonly words: readonly string[];
  readonly legal: string;
  readonly fields: DuplicateFields;
}

function nameOf(words: readonly string[], legal: string): string {
  return [...words, legal].filter(Boolean).join(' ');
}

function company(draw: Draw, index: number): Company {
  const words = [draw.invented(), draw.chance(0.5) ? draw.invented() : draw.pick(surnames)];
  if (draw.chance(0.15)) words.push(draw.pick(joiners));
  const trades = draw.int(3);
  for (let n = 0; n < trades; n++) words.push(draw.pick(tradeWords));
  const legal = draw.chance(0.75) ? draw.pick(legalForms) : '';
  const slug = (words[0]! + words[1]!)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  const ownDomain = `${slug}.${draw.pick(['com', 'de', 'eu', 'co.uk', 'it', 'fr'])}`;
  const free = draw.chance(0.15);
  const email = free
    ? `${slug}${draw.int(100)}@${draw.pick(freeMail)}`
    : `${draw.pick(mailboxes)}@${ownDomain}`;
  const phone = `+${draw.pick(['49', '43', '41', '44', '33', '39'])} ${draw.digits(3)} ${draw.digits(7)}`;
  const street = draw.chance(0.6)
    ? `${draw.invented()}straße ${1 + draw.int(200)}`
    : `${1 + draw.int(200)} ${draw.invented()} Street`;
  return {
    words,
    legal,
    fields: {
      name: nameOf(words, legal),
      customerNumber: `C-${String(index).padStart(6, '0')}${draw.digits(2)}`,
      phones: [phone],
      emails: [email],
      websites: free ? [] : [`www.${ownDomain}`],
      addressLine: street,
      city: draw.pick(cities),
    },
  };
}

/** Another company's fields that share nothing with `base` except what a case plants. */
function stranger(draw: Draw): DuplicateFields {
  const other = company(draw, 900_000 + draw.int(99_999));
  return { ...noDuplicateFields, name: other.fields.name };
}

function typo(draw: Draw, word: string): string {
  const at = 1 + draw.int(word.length - 2);
  switch (draw.int(4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + draw.pick([...'aeioulnrst']) + word.slice(at);
    case 2:
      return word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
    default:
      return word.slice(0, at) + (word[at] === 'x' ? 'y' : 'x') + word.slice(at + 1);
  }
}

function respelled(draw: Draw, base: Company): string {
  const words = base.words.map((word) =>
    word.replace('&', draw.chance(0.5) ? 'and' : '&').replace(/^and$/, '&'),
  );
  const legal = draw.chance(0.5) ? draw.pick(legalForms) : '';
  const name = nameOf(words, legal);
  switch (draw.int(3)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    default:
      return `  ${name.replace(/ /g, draw.chance(0.5) ? '  ' : ', ')} `;
  }
}

/** The name's words without a joiner ("& Partner", "and Sons"). */
function meaningfulWords(base: Company): string[] {
  return base.words.filter((word) => !word.includes('&') && !word.startsWith('and '));
}

function planted(draw: Draw, kind: PlantedKind, base: Company): DuplicateFields {
  const f = base.fields;
  switch (kind) {
    case 'respelled name':
      return { ...noDuplicateFields, name: respelled(draw, base) };
    case 'typo in name': {
      const words = [...base.words];
      const at = words[0]!.length >= words[1]!.length || words[1]!.includes('&') ? 0 : 1;
      words[at] = typo(draw, words[at]!);
      return { ...noDuplicateFields, name: nameOf(words, base.legal) };
    }
    case 'missing word': {
      // Any word but the first, of a name of three words or more ("Acme Industrial Supply" →
      // "Acme Supply"): one word left alone would name several companies (see duplicateCorpus).
      const words = meaningfulWords(base);
      const drop = 1 + draw.int(words.length - 1);
      return {
        ...noDuplicateFields,
        name: nameOf(
          words.filter((_, i) => i !== drop),
          '',
        ),
      };
    }
    case 'phone': {
      const digits = f.phones[0]!.replace(/\D/g, '');
      const national = `0${digits.slice(2, 5)} / ${digits.slice(5, 8)} ${digits.slice(8)}`;
      return { ...stranger(draw), phones: [national] };
    }
    case 'email':
      return { ...stranger(draw), emails: [f.emails[0]!.toUpperCase()] };
    case 'email domain':
      return { ...stranger(draw), emails: [`someone.new@${f.websites[0]!.slice(4)}`] };
    case 'customer ID':
      return {
        ...stranger(draw),
        customerNumber: f.customerNumber.toLowerCase().replace('-', ' '),
      };
    case 'address':
      return {
        ...stranger(draw),
        addressLine: f.addressLine.replace('straße', 'str.').replace('Street', 'St.'),
        city: f.city.toUpperCase(),
      };
  }
}

function negative(draw: Draw, kind: NegativeKind, base: Company): DuplicateFields {
  const f = base.fields;
  switch (kind) {
    case 'similar name, other company': {
      // One name word in common, the other and the trade different: "Korvana Weber Bau" vs
      // "Korvana Hoffmann Elektro".
      const words = [base.words[0]!, draw.invented(), draw.pick(tradeWords)];
      return { ...noDuplicateFields, name: nameOf(words, base.legal) };
    }
    case 'same city only':
      return { ...stranger(draw), addressLine: `${draw.invented()}weg 3`, city: f.city };
    case 'same free-mail provider':
      return { ...stranger(draw), emails: [`someone.else@${draw.pick(freeMail)}`] };
    case 'same street, other city':
      return {
        ...stranger(draw),
        addressLine: f.addressLine,
        city: cities[(cities.indexOf(f.city) + 1) % cities.length]!,
      };
  }
}

const plantedKinds: readonly PlantedKind[] = [
  'respelled name',
  'typo in name',
  'missing word',
  'phone',
  'email',
  'email domain',
  'customer ID',
  'address',
];
const negativeKinds: readonly NegativeKind[] = [
  'similar name, other company',
  'same city only',
  'same free-mail provider',
  'same street, other city',
];

/** `size` customers; `perKind` planted near-duplicates of each kind and hard negatives of each. */
export function duplicateCorpus(size: number, perKind: number, seed = 20261207): DuplicateCorpus {
  const draw = new Draw(randomOf(seed));
  const companies = Array.from({ length: size }, (_, index) => company(draw, index));
  const cases: CorpusCase[] = [];
  for (const kind of plantedKinds) {
    for (let n = 0; n < perKind; n++) {
      let at = draw.int(size);
      // An email-domain duplicate needs a company domain (not free-mail); a missing word, a name
      // that still has two words without it.
      while (
        (kind === 'email domain' && companies[at]!.fields.websites.length === 0) ||
        (kind === 'missing word' && meaningfulWords(companies[at]!).length < 3)
      )
        at = draw.int(size);
      cases.push({ kind, probe: planted(draw, kind, companies[at]!), expected: `k${at}` });
    }
  }
  for (const kind of negativeKinds) {
    for (let n = 0; n < perKind; n++) {
      const at = draw.int(size);
      cases.push({ kind, probe: negative(draw, kind, companies[at]!), expected: null });
    }
  }
  return { customers: companies.map((c, index) => [`k${index}`, c.fields] as const), cases };
}

export interface CorpusQuality {
  /** Planted duplicates found among the (at most five) candidates ÷ planted duplicates. */
  readonly recall: number;
  /** Candidates that are the planted customer ÷ all candidates shown, over every probe. */
  readonly precision: number;
  /** Per kind: planted ones found, or negatives that stayed without candidates. */
  readonly byKind: Readonly<Record<string, { readonly right: number; readonly of: number }>>;
  /** Milliseconds per check, in case order (for percentiles). */
  readonly times: readonly number[];
}

export function measureQuality(
  index: DuplicateIndex,
  cases: readonly CorpusCase[],
  now: () => number,
): CorpusQuality {
  let planted = 0;
  let found = 0;
  let shown = 0;
  let correct = 0;
  const byKind: Record<string, { right: number; of: number }> = {};
  const times: number[] = [];
  for (const { kind, probe, expected } of cases) {
    const started = now();
    const candidates = index.check(probe, { typing: true });
    times.push(now() - started);
    const kindScore = (byKind[kind] ??= { right: 0, of: 0 });
    kindScore.of += 1;
    shown += candidates.length;
    const hit = expected !== null && candidates.some((c) => c.key === expected);
    if (hit) correct += 1;
    if (expected !== null) {
      planted += 1;
      if (hit) found += 1;
      if (hit) kindScore.right += 1;
    } else if (candidates.length === 0) kindScore.right += 1;
  }
  return {
    recall: planted === 0 ? 1 : found / planted,
    precision: shown === 0 ? 1 : correct / shown,
    byKind,
    times,
  };
}

export function indexOfCorpus(corpus: DuplicateCorpus, index: DuplicateIndex): DuplicateIndex {
  for (const [key, fields] of corpus.customers) index.upsert(key, fields);
  return index;
}
