// A deterministic set of Revnue customers for the list's tests and benchmarks: German-style
// company names, cities, contacts, emails and "+49 …" phones, spread over four categories, so
// searches, filters and sorts have realistic hits at any size.
import type { RevnueCustomerRecord } from '../../../../src-shared/connectors/revnue-v2/api';
import { revnueDescriptor } from '../../../../src-shared/connectors/revnue-v2/descriptor';
import type { ConnectorLookups } from '../../../../src-shared/connectors/descriptor';
import type { PulledRecord } from '../../db/customer-store';

const first = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Braun',
  'Zimmermann',
];
const trades = [
  'Bau',
  'Logistik',
  'Maschinen',
  'Elektro',
  'Gerüste',
  'Kran',
  'Event',
  'Garten',
  'Holz',
  'Metall',
  'Transport',
  'Technik',
];
const forms = ['GmbH', 'AG', 'KG', 'GmbH & Co. KG', 'e.K.', 'OHG'];
const cities = [
  'Berlin',
  'Hamburg',
  'München',
  'Köln',
  'Frankfurt',
  'Stuttgart',
  'Düsseldorf',
  'Leipzig',
  'Dortmund',
  'Essen',
  'Bremen',
  'Dresden',
  'Hannover',
  'Nürnberg',
  'Duisburg',
  'Bochum',
  'Wuppertal',
  'Bielefeld',
  'Bonn',
  'Münster',
];
const givenNames = [
  'Anna',
  'Lukas',
  'Lea',
  'Finn',
  'Mia',
  'Jonas',
  'Emma',
  'Paul',
  'Hannah',
  'Ben',
  'Sophie',
  'Felix',
  'Marie',
  'Leon',
  'Laura',
  'Max',
];

export const corpusLookups: ConnectorLookups = {
  categories: [
    { id: 1, name: 'Key account' },
    { id: 2, name: 'Prospect' },
    { id: 3, name: 'Partner' },
    { id: 4, name: 'Dormant' },
  ],
  countries: [{ id: 276, name: 'Germany' }],
};

/** A small deterministic generator (mulberry32): the same corpus on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, list: readonly T[]): T =>
  list[Math.floor(next() * list.length)]!;
const digits = (next: () => number, count: number) =>
  Array.from({ length: count }, () => Math.floor(next() * 10)).join('');

export function corpusRecord(index: number, next = random(index + 1)): RevnueCustomerRecord {
  const empty = revnueDescriptor.emptyRecord();
  const family = pick(next, first);
  const given = pick(next, givenNames);
  const name = `${family} ${pick(next, trades)} ${pick(next, forms)} ${index}`;
  return {
    ...empty,
    id: index + 1,
    name,
    city: pick(next, cities),
    country: 276,
    category: 1 + Math.floor(next() * 4),
    phone: `+49 ${pick(next, ['30', '40', '89', '221', '69'])} ${digits(next, 7)}`,
    mobile: `+49 1${pick(next, ['51', '60', '71', '76'])} ${digits(next, 7)}`,
    contact_person: {
      name: `${given} ${family}`,
      email: `${given.toLowerCase()}.${index}@example.de`,
      type: 'sales',
    },
  };
}

export function corpusPulled(from: number, count: number): PulledRecord<RevnueCustomerRecord>[] {
  return Array.from({ length: count }, (_, offset) => {
    const record = corpusRecord(from + offset);
    return { serverId: String(record.id), record, hydration: 'full' as const };
  });
}

/** Queries a salesperson types, one keystroke at a time: names, cities, phone digits, emails. */
export const corpusQueries = [
  'müller bau',
  'schmidt',
  'koln',
  'hoffmann kran',
  '0171 23',
  'anna.12',
  'weber logistik gmbh',
  'dresden event',
  '+49 30 5',
  'braun',
];

/** Every prefix of every query: the texts the search box holds keystroke by keystroke. */
export function keystrokes(queries: readonly string[], count: number): string[] {
  const texts: string[] = [];
  for (let round = 0; texts.length < count; round += 1) {
    const query = queries[round % queries.length]!;
    for (let end = 1; end <= query.length && texts.length < count; end += 1) {
      texts.push(query.slice(0, end));
    }
  }
  return texts;
}
