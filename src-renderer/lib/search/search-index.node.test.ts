// The list's own index, pure: what a search finds (words, accents, phones by digits), filters,
// sort order, narrowing while typing, and updates. Built from the real Revnue and R2 descriptors.
import { describe, expect, it } from 'vitest';
import { r2Descriptor, revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerRow } from '../db/rows';
import { storedRow } from '../db/test-support/row-builders';
import { phoneForms } from './fold';
import { entryOf } from './index-entry';
import { SearchIndex } from './search-index';
import type { ListQuery } from './search-types';
import {
  corpusLookups,
  corpusQueries,
  corpusRecord,
  keystrokes,
} from './test-support/customer-corpus';

function rowOf<T>(key: string, record: T, overrides: Partial<CustomerRow<T>> = {}): CustomerRow<T> {
  return storedRow(record, { connectionId: 'c', key, serverId: key, ...overrides });
}

const query = (text: string, extra: Partial<ListQuery> = {}): ListQuery => ({
  text,
  facets: {},
  badge: '',
  sort: { column: 'name', descending: false },
  ...extra,
});

function revnueIndex(count: number) {
  const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
  const index = new SearchIndex(descriptor.listSearch?.facets);
  const records = Array.from({ length: count }, (_, i) => corpusRecord(i));
  records.forEach((record, i) =>
    index.upsert(entryOf(rowOf(String(i + 1), record), descriptor, corpusLookups)),
  );
  return { index, records };
}

const names = (index: SearchIndex, docs: Int32Array) =>
  Array.from(docs, (doc) => index.entry(doc)!.display.name);

describe('SearchIndex', () => {
  it('finds every term anywhere in the searchable fields, ignoring case and accents', () => {
    const { index, records } = revnueIndex(500);
    const docs = index.search(query('MULLER koln'));
    const expected = records.filter((r) => r.name.startsWith('Müller') && r.city === 'Köln');
    expect(expected.length).toBeGreaterThan(0);
    expect(names(index, docs).sort()).toEqual(expected.map((r) => r.name).sort());
  });

  it('finds contact names, emails and ids', () => {
    const { index, records } = revnueIndex(200);
    const target = records[42]!;
    expect(names(index, index.search(query(target.contact_person!.email)))).toEqual([target.name]);
    const byContact = names(index, index.search(query(target.contact_person!.name)));
    expect(byContact).toContain(target.name);
    expect(names(index, index.search(query('43')))).toContain(target.name);
  });

  it('finds phones by their digits, typed nationally or internationally', () => {
    expect(phoneForms(['+49 171 2345678'])).toContain('01712345678');
    const { index, records } = revnueIndex(300);
    const target = records[7]!;
    const national = `0${target.mobile.slice(4, 7)} ${target.mobile.slice(8, 12)}`;
    const found = names(index, index.search(query(national)));
    expect(found).toContain(target.name);
    for (const name of found) {
      const record = records.find((r) => r.name === name)!;
      const digits = (record.phone + '|' + record.mobile).replace(/[^\d|]/g, '');
      expect(digits).toContain(national.replace(/\D/g, '').slice(1));
    }
    expect(names(index, index.search(query(target.phone)))).toContain(target.name);
  });

  it('sorts by the chosen column, both ways, and gives the same set as unsorted', () => {
    const { index } = revnueIndex(300);
    const byCity = index.search(query('', { sort: { column: 'city', descending: false } }));
    const cities = Array.from(byCity, (doc) => index.entry(doc)!.sortKeys['city']!);
    expect(cities).toEqual([...cities].sort());
    const down = index.search(query('', { sort: { column: 'city', descending: true } }));
    expect(Array.from(down, (doc) => index.entry(doc)!.sortKeys['city']!)).toEqual(
      [...cities].reverse(),
    );
    expect(byCity.length).toBe(300);
  });

  it('filters by a facet and by sync state', () => {
    const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
    const index = new SearchIndex(descriptor.listSearch?.facets);
    const records = Array.from({ length: 40 }, (_, i) => corpusRecord(i));
    records.forEach((record, i) =>
      index.upsert(
        entryOf(
          rowOf(String(i), record, { syncState: i % 5 === 0 ? 'waiting' : 'synced' }),
          descriptor,
          corpusLookups,
        ),
      ),
    );
    const partners = names(index, index.search(query('', { facets: { category: 'Partner' } })));
    expect(partners.sort()).toEqual(
      records
        .filter((r) => r.category === 3)
        .map((r) => r.name)
        .sort(),
    );
    expect(index.search(query('', { badge: 'waiting' })).length).toBe(8);
    expect(index.facetChoices()[0]!.values).toEqual([
      'Dormant',
      'Key account',
      'Partner',
      'Prospect',
    ]);
  });

  it('gives the same answers keystroke by keystroke as an index changed in between', () => {
    const { index } = revnueIndex(400);
    const fresh = revnueIndex(400).index;
    for (const text of [
      's',
      'sc',
      'sch',
      'schm',
      'schmi',
      'schmid b',
      '0',
      '01',
      '017',
      '0171 2',
    ]) {
      expect(Array.from(index.search(query(text)))).toEqual(Array.from(fresh.search(query(text))));
      fresh.upsert(fresh.entry(0)!); // a change: the other index rebuilds its sort order
    }
  });

  it('updates an entry in place and drops removed keys', () => {
    const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
    const index = new SearchIndex();
    index.upsert(entryOf(rowOf('a', corpusRecord(1)), descriptor, corpusLookups));
    index.upsert(entryOf(rowOf('b', corpusRecord(2)), descriptor, corpusLookups));
    expect(index.search(query('zebra')).length).toBe(0);
    index.upsert(entryOf(rowOf('a', { ...corpusRecord(1), name: 'Zebra Bau' }), descriptor, {}));
    expect(names(index, index.search(query('zebra')))).toEqual(['Zebra Bau']);
    index.retainOnly(new Set(['b']));
    expect(index.size).toBe(1);
    expect(index.search(query('zebra')).length).toBe(0);
  });

  it('shows an R2 summary as not downloaded and filters R2 by status', () => {
    const descriptor = r2Descriptor as ConnectorDescriptor<unknown>;
    const index = new SearchIndex(descriptor.listSearch?.facets);
    const summary = {
      companyname: 'Kran Meyer',
      customerstatus: 'Active',
      contacts: [
        { recordid: 'C1', firstname: 'Eva', lastname: 'Lang', mobilephone: '+49 160 1234567' },
      ],
    };
    index.upsert(entryOf(rowOf('R1', summary, { hydration: 'summary' }), descriptor, {}));
    index.upsert(
      entryOf(rowOf('R2', { companyname: 'Bau Nord', customerstatus: 'Inactive' }), descriptor, {}),
    );
    expect(index.entry(0)!.display.badge).toBe('not_downloaded');
    expect(names(index, index.search(query('eva lang')))).toEqual(['Kran Meyer']);
    expect(names(index, index.search(query('0160 123')))).toEqual(['Kran Meyer']);
    expect(names(index, index.search(query('', { facets: { status: 'Inactive' } })))).toEqual([
      'Bau Nord',
    ]);
  });

  it('while typing, checking only the last answer finds exactly what a full scan finds', () => {
    // 20,000 so that most prefixes answer fewer than a quarter of the customers (narrowing on).
    const { index } = revnueIndex(20_000);
    const fresh = revnueIndex(20_000).index;
    const typed = [
      ...keystrokes(corpusQueries, 140),
      // Text that turns into a phone number, digits that grow, and backspacing.
      ...keystrokes(['a 0171', '0171 234', '+49 171 2', 'müller b', 'müller'], 40),
    ];
    // Backspacing and retyping: the text no longer extends the last one.
    const edited = typed.flatMap((text, i) =>
      i % 7 === 3 ? [text, text.slice(0, -2), text] : [text],
    );
    let narrowedSome = false;
    for (const extra of [{}, { facets: { category: 'Partner' } }]) {
      let before = Number.POSITIVE_INFINITY;
      for (const text of edited) {
        // An empty query in between: the fresh index never narrows.
        fresh.search(query('', extra));
        const expected = Array.from(fresh.search(query(text, extra)));
        const got = Array.from(index.search(query(text, extra)));
        expect(got, `"${text}" ${JSON.stringify(extra)}`).toEqual(expected);
        if (before <= 5_000 && got.length > 0) narrowedSome = true;
        before = got.length;
      }
    }
    expect(narrowedSome).toBe(true);
    // Two indexes of 20,000 customers: well past the default 20 s on a loaded machine.
  }, 120_000);
});
