import { describe, expect, it } from 'vitest';
import { DuplicateIndex, noDuplicateFields, type DuplicateFields } from '.';
import { nameTokens, phoneKey, companyDomain, addressKey } from './normalize';

const company = (fields: Partial<DuplicateFields>): DuplicateFields => ({
  ...noDuplicateFields,
  ...fields,
});

function indexOf(records: Record<string, Partial<DuplicateFields>>): DuplicateIndex {
  const index = new DuplicateIndex();
  for (const [key, fields] of Object.entries(records)) index.upsert(key, company(fields));
  return index;
}

const others: Record<string, Partial<DuplicateFields>> = {
  o1: { name: 'Belstrom Logistik GmbH', phones: ['+49 30 1111111'], emails: ['a@belstrom.de'] },
  o2: { name: 'Korvana Maschinenbau AG', addressLine: 'Ringstraße 4', city: 'Köln' },
  o3: { name: 'Tessaro Foods SpA', emails: ['ordini@tessaro.it'] },
  o4: { name: 'Nordlicht Elektro KG' },
};

function reasonsFor(index: DuplicateIndex, probe: Partial<DuplicateFields>, key: string) {
  return index.check(company(probe)).find((candidate) => candidate.key === key)?.reasons;
}

describe('name normalisation', () => {
  it('drops case, accents, punctuation, spacing, legal forms and "&"/"and"', () => {
    expect(nameTokens('  MÜLLER  &  Söhne GmbH & Co. KG ')).toEqual(['muller', 'sohne']);
    expect(nameTokens('Müller and Söhne')).toEqual(['muller', 'sohne']);
    expect(nameTokens('Fratelli Rossi S.p.A.')).toEqual(['fratelli', 'rossi']);
    expect(nameTokens('ACME Industrial Supplies Ltd.')).toEqual(['acme', 'industrial', 'supply']);
    expect(nameTokens('Nørd-Øst A/S')).toEqual(['nord', 'ost']);
    expect(nameTokens('Smith, Jones & Partners, LLC')).toEqual(['smith', 'jone', 'partner']);
    // A name made only of a legal form still has something to compare.
    expect(nameTokens('AB')).toEqual(['ab']);
  });

  it('compares phones by their trailing digits, in any format', () => {
    expect(phoneKey('+49 171 2345678')).toBe(phoneKey('0171 / 234 56 78'));
    expect(phoneKey('0049 (171) 234-5678')).toBe(phoneKey('+49 171 2345678'));
    expect(phoneKey('112')).toBe('');
  });

  it('keeps company domains and drops free-mail ones', () => {
    expect(companyDomain('Anna@ACME.com')).toBe('acme.com');
    expect(companyDomain('https://www.acme.com/contact')).toBe('acme.com');
    for (const free of ['x@gmail.com', 'x@outlook.com', 'x@hotmail.com', 'x@live.com']) {
      expect(companyDomain(free)).toBe('');
    }
    for (const free of ['x@yahoo.com', 'x@gmx.de', 'x@web.de', 'x@icloud.com', 'x@proton.me']) {
      expect(companyDomain(free)).toBe('');
    }
  });

  it('spells streets one way and needs street and city', () => {
    expect(addressKey('Hauptstraße 5', 'München')).toBe(addressKey('Hauptstr. 5', 'Munchen'));
    expect(addressKey('12 High Street', 'Leeds')).toBe(addressKey('12 High St.', 'LEEDS'));
    expect(addressKey('', 'Leeds')).toBe('');
  });
});

describe('DuplicateIndex.check: near-duplicates', () => {
  const index = indexOf({
    ...others,
    acme: {
      name: 'ACME Industrial Supplies Ltd.',
      customerNumber: 'C-1001',
      phones: ['+49 171 2345678'],
      emails: ['anna@acme.com'],
      addressLine: 'Hauptstraße 5',
      city: 'München',
    },
    rossi: { name: 'Fratelli Rossi & Figli S.p.A.' },
  });

  it('finds the same name spelled differently', () => {
    expect(reasonsFor(index, { name: 'acme industrial supplies' }, 'acme')).toEqual(['Same name']);
    expect(reasonsFor(index, { name: 'Fratelli Rossi and Figli' }, 'rossi')).toEqual(['Same name']);
  });

  it('finds a similar name with a typo, a plural or a missing word', () => {
    expect(reasonsFor(index, { name: 'Acme Industrial Supply' }, 'acme')).toEqual(['Same name']);
    expect(reasonsFor(index, { name: 'Acme Industial Supply' }, 'acme')).toEqual(['Similar name']);
    expect(reasonsFor(index, { name: 'Acme Supplies' }, 'acme')).toEqual(['Similar name']);
    expect(reasonsFor(index, { name: 'Acmee Industrial Supplies' }, 'acme')).toEqual([
      'Similar name',
    ]);
  });

  it('finds a name still being typed', () => {
    const found = index.check(company({ name: 'Fratelli Ros' }), { typing: true });
    expect(found.map((candidate) => candidate.key)).toEqual(['rossi']);
  });

  it('finds the same phone, email, domain, customer ID and address', () => {
    expect(reasonsFor(index, { phones: ['0171 234 56 78'] }, 'acme')).toEqual([
      'Same phone number',
    ]);
    expect(reasonsFor(index, { emails: ['ANNA@acme.com'] }, 'acme')).toEqual([
      'Same email address',
    ]);
    expect(reasonsFor(index, { emails: ['ben@acme.com'] }, 'acme')).toEqual([
      'Same email domain acme.com',
    ]);
    expect(reasonsFor(index, { websites: ['www.acme.com'] }, 'acme')).toEqual([
      'Same email domain acme.com',
    ]);
    expect(reasonsFor(index, { customerNumber: 'c 1001' }, 'acme')).toEqual(['Same customer ID']);
    expect(reasonsFor(index, { addressLine: 'Hauptstr. 5', city: 'Munchen' }, 'acme')).toEqual([
      'Same address',
    ]);
  });

  it('ranks by how much matches and says every reason', () => {
    index.upsert('acme-2', company({ name: 'Acme Industrial', emails: ['x@acme.com'] }));
    const found = index.check(
      company({
        name: 'Acme Industrial Supplies',
        phones: ['+49 171 2345678'],
        emails: ['y@acme.com'],
      }),
    );
    expect(found.map((candidate) => candidate.key)).toEqual(['acme', 'acme-2']);
    expect(found[0]!.reasons).toEqual([
      'Same name',
      'Same phone number',
      'Same email domain acme.com',
    ]);
    index.remove('acme-2');
  });

  it('never offers the customer being edited, and at most five', () => {
    expect(
      index.check(company({ name: 'Acme Industrial Supplies' }), { excludeKey: 'acme' }),
    ).toEqual([]);
    const many = new DuplicateIndex();
    for (let n = 0; n < 8; n++)
      many.upsert(`k${n}`, company({ name: `Branch ${n}`, phones: ['+1 555 0100 200'] }));
    expect(many.check(company({ phones: ['+1 555 0100 200'] }))).toHaveLength(5);
  });

  it('forgets removed and no longer present customers', () => {
    const small = indexOf({ a: { name: 'Zentrix Optik' }, b: { name: 'Zentrix Optik' } });
    small.retainOnly(new Set(['b']));
    expect(small.check(company({ name: 'Zentrix Optik' })).map((c) => c.key)).toEqual(['b']);
    small.upsert('b', company({ name: 'Other Name' }));
    expect(small.check(company({ name: 'Zentrix Optik' }))).toEqual([]);
  });
});

describe('DuplicateIndex.check: hard negatives', () => {
  const index = indexOf({
    ...others,
    mueller: {
      name: 'Müller Bau GmbH',
      addressLine: 'Lindenweg 3',
      city: 'Ulm',
      emails: ['info@gmail.com'],
    },
    acme: { name: 'Acme Industrial Supply', emails: ['acme.orders@gmail.com'] },
  });

  it('does not match different companies with similar names', () => {
    expect(index.check(company({ name: 'Müller Elektro GmbH' }))).toEqual([]);
    expect(index.check(company({ name: 'Apex Industrial Supply' }))).toEqual([]);
    expect(index.check(company({ name: 'Industrial Supply Ltd' }))).toEqual([]);
    expect(index.check(company({ name: 'Korvana Logistik' }))).toEqual([]);
  });

  it('does not match the same city alone', () => {
    expect(
      index.check(company({ name: 'Zeta', addressLine: 'Bahnhofstraße 1', city: 'Ulm' })),
    ).toEqual([]);
  });

  it('does not match other addresses at a free-mail provider', () => {
    expect(index.check(company({ emails: ['someone.else@gmail.com'] }))).toEqual([]);
    // The very same address still is a match.
    expect(index.check(company({ emails: ['info@gmail.com'] })).map((c) => c.key)).toEqual([
      'mueller',
    ]);
  });
});

describe('customers admitted before their terms', () => {
  it('are nobody’s candidate and no part of the word weights until indexed', () => {
    const index = indexOf(others);
    const probe = company({ name: 'Zentrix Optik', phones: ['030 7654321'] });
    const before = index.check(probe);
    const doc = index.admit('new', ' Zentrix Optik ');
    expect([index.size, index.docOf('new'), index.nameOf(doc)]).toEqual([4, doc, 'Zentrix Optik']);
    expect(index.check(probe)).toEqual(before);
    index.indexTerms(doc, probe);
    expect(index.size).toBe(5);
    expect(index.check(probe).map((candidate) => [candidate.key, candidate.name])).toEqual([
      ['new', 'Zentrix Optik'],
    ]);
    expect(() => index.indexTerms(doc, probe)).toThrow();
  });
});
