// Round trips between the wire shapes and the local record (docs/architecture.md#revnue-api-v2: the
// response differs from the request), plus the natural key the sandbox and the lost-create lookup
// share.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { revnueRecordSchema, type RevnueCustomerRecord } from './body';
import { revnueContactTypes } from './contact-person';
import type { RevnueCategory, RevnueCountry } from './lookups';
import {
  RevnueMappingError,
  revnueNaturalKey,
  revnueRecordFromResponse,
  revnueResponseFromRecord,
} from './mapping';
import { revnueCreateBodyFromRecord } from './body-from-record';
import { revnueCustomerResponseSchema } from './response';

const countries: RevnueCountry[] = [
  { id: 276, name: 'Germany' },
  { id: 40, name: 'Austria' },
];
const categories: RevnueCategory[] = [{ id: 3, name: 'Retail' }];
const lookups = { countries, categories };

/** The seed's "Response Syntax" with plausible values. */
const seedResponse = {
  id: 501,
  name: 'Acme GmbH',
  category: { id: 3, name: 'Retail' },
  contact_person: { name: 'Jane Roe', email: 'jane@acme.example', type: 'billing' },
  address_line_1: 'Hauptstr. 1',
  address_line_2: '',
  city: 'Berlin',
  state_province: 'BE',
  zip_postal_code: '10115',
  country: 'Germany',
  phone: '+49 30 1234',
  mobile: '',
  fax: '',
  website: 'acme.example',
  general_description: 'Crane rentals',
  nda_signed: true,
  nda_signed_date: '2024-03-01',
  msa_signed: false,
  msa_signed_date: null,
  supplementary_description: '',
  additional_description: '',
  template: { id: 7, fields: { '14': 'ABC', '11': '1200.00', '12': 4 } },
};

describe('revnueRecordFromResponse', () => {
  test('maps the seed response: category object → id, country name → code, fields map → sorted list', () => {
    const response = revnueCustomerResponseSchema.parse(seedResponse);
    const record = revnueRecordFromResponse(response, { countries, company: 2 });
    expect(record).toMatchObject({
      id: 501,
      company: 2,
      category: 3,
      country: 276,
      contact_person: { name: 'Jane Roe', email: 'jane@acme.example', type: 'billing' },
      msa_signed_date: null,
      template: {
        id: 7,
        fields: [
          { id: 11, value: '1200.00' },
          { id: 12, value: 4 },
          { id: 14, value: 'ABC' },
        ],
      },
    });
    // What came from the server is a valid record by our own rules.
    expect(revnueRecordSchema.parse(record)).toEqual(record);
  });

  test.each([
    ['276', 276],
    [' germany ', 276],
    [40, 40],
    ['', null],
    [null, null],
  ])('country %j → %j', (country, code) => {
    const response = revnueCustomerResponseSchema.parse({ ...seedResponse, country });
    expect(revnueRecordFromResponse(response, { countries }).country).toBe(code);
  });

  test('template fields come back sorted by field id whatever the map order', () => {
    // Keys above 2^32 - 2 are not array indices, so JS keeps their insertion order.
    const fields = { '9999999999': 'x', '12': 4, '4294967296': 'y' };
    const response = revnueCustomerResponseSchema.parse({
      ...seedResponse,
      template: { id: 7, fields },
    });
    const ids = revnueRecordFromResponse(response, { countries }).template?.fields.map((f) => f.id);
    expect(ids).toEqual([12, 4294967296, 9999999999]);
  });

  test('a custom field the server answers empty (null or "") is no field: one spelling of none', () => {
    const response = revnueCustomerResponseSchema.parse({
      ...seedResponse,
      template: { id: 7, fields: { '11': null, '12': 4, '14': '' } },
    });
    expect(revnueRecordFromResponse(response, { countries }).template).toEqual({
      id: 7,
      fields: [{ id: 12, value: 4 }],
    });
  });

  test('a country the lookups lack is an error that says what to do, not a silent null', () => {
    const response = revnueCustomerResponseSchema.parse({ ...seedResponse, country: 'Atlantis' });
    expect(() => revnueRecordFromResponse(response, { countries })).toThrow(RevnueMappingError);
    expect(() => revnueRecordFromResponse(response, { countries })).toThrow(/Atlantis.*Refresh/);
  });

  test('null fields from the server become the record’s blanks; company defaults to 1', () => {
    const response = revnueCustomerResponseSchema.parse({ id: 1, name: 'Bare', city: null });
    expect(revnueRecordFromResponse(response, { countries })).toEqual(
      revnueRecordSchema.parse({ id: 1, company: 1, name: 'Bare' }),
    );
  });
});

describe('revnueResponseFromRecord', () => {
  const record = revnueRecordSchema.parse({
    id: 9,
    company: 1,
    name: 'Beta AG',
    category: 3,
    country: 40,
    template: { id: 7, fields: [{ id: 11, value: '5.00' }] },
  });

  test('answers like the seed: category {id,name}, country name, fields as {key: value}', () => {
    const response = revnueResponseFromRecord(record, lookups);
    expect(revnueCustomerResponseSchema.parse(response)).toEqual(response);
    expect(response).toMatchObject({
      id: 9,
      category: { id: 3, name: 'Retail' },
      country: 'Austria',
      template: { id: 7, fields: { '11': '5.00' } },
    });
  });

  test('a country code missing from the lookups is answered as digits and still maps back', () => {
    const response = revnueResponseFromRecord({ ...record, country: 999 }, lookups);
    expect(response.country).toBe('999');
    expect(revnueRecordFromResponse(response, lookups).country).toBe(999);
  });

  test('a record without a server id cannot be answered', () => {
    expect(() => revnueResponseFromRecord({ ...record, id: undefined }, lookups)).toThrow(
      RevnueMappingError,
    );
  });
});

const text = (max: number) => fc.string({ maxLength: max }).map((s) => s.trim());
const date = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const fieldValue = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.bigInt({ min: 0n, max: 99_999_999_999_999_999n }).map((cents) => {
    const s = cents.toString().padStart(3, '0');
    return `${s.slice(0, -2)}.${s.slice(-2)}`;
  }),
  text(50),
);

/** Arbitrary VALID records, canonicalized by the record schema. */
const recordArbitrary = fc
  .record({
    id: fc.integer({ min: 1, max: 1e9 }),
    company: fc.integer({ min: 1, max: 50 }),
    name: text(50).filter((s) => s !== ''),
    category: fc.option(fc.constantFrom(3, 4)),
    contact_person: fc.option(
      fc.record({
        name: fc.constantFrom('Jane', 'Ann Lee'),
        email: fc.constantFrom('jane@example.com', 'a.b@c.example.org'),
        type: fc.option(fc.constantFrom(...revnueContactTypes), { nil: undefined }),
      }),
    ),
    city: text(50),
    zip_postal_code: text(20),
    country: fc.option(fc.constantFrom(276, 40, 840)),
    general_description: text(1000),
    nda_signed: fc.boolean(),
    nda_signed_date: fc.option(date),
    template: fc.option(
      fc.record({
        id: fc.integer({ min: 1, max: 100 }),
        fields: fc.uniqueArray(
          fc.record({ id: fc.integer({ min: 1, max: 500 }), value: fieldValue }),
          {
            selector: (field) => field.id,
            maxLength: 6,
          },
        ),
      }),
    ),
  })
  .map((input): RevnueCustomerRecord => {
    const record = revnueRecordSchema.parse(input);
    record.template?.fields.sort((a, b) => a.id - b.id);
    return record;
  });

describe('round trips (property-based, 300 valid records each)', () => {
  test('record → response → record is the identity', () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        const response = revnueCustomerResponseSchema.parse(
          revnueResponseFromRecord(record, lookups),
        );
        expect(revnueRecordFromResponse(response, lookups)).toEqual(record);
      }),
      { numRuns: 300 },
    );
  });

  test('record → POST body → record schema is the identity (absent reads as empty)', () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        const { id, ...rest } = record;
        expect(revnueRecordSchema.parse({ ...revnueCreateBodyFromRecord(record), id })).toEqual({
          ...rest,
          id,
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('revnueNaturalKey (uniqueness of name per account)', () => {
  test.each([
    ['Acme GmbH', 'acme gmbh'],
    ['  ACME   GmbH ', 'acme gmbh'],
    ['Acme\tGmbH', 'acme gmbh'],
    ['Café', 'Cafe\u0301'],
  ])('%j and %j are the same customer', (a, b) => {
    expect(revnueNaturalKey({ name: a })).toBe(revnueNaturalKey({ name: b }));
  });

  test.each([
    ['Acme GmbH', 'Acme AG'],
    ['Acme', 'Acme.'],
  ])('%j and %j are different customers', (a, b) => {
    expect(revnueNaturalKey({ name: a })).not.toBe(revnueNaturalKey({ name: b }));
  });
});
