// Wire ⇄ record round trips for R2, and the natural key used after a lost create response.
import { describe, expect, test } from 'vitest';
import { r2CustomerSchema, r2CustomerWriteSchema, type R2Customer } from './customer';
import { r2RecordFromWire, r2WriteFromRecord } from './mapping';
import { r2MatchesNaturalKey, r2NaturalKey } from './natural-key';
import { r2RecordSchema } from './record';
import { seedContact, seedCustomer } from './seed-samples';

const wire: R2Customer = r2CustomerSchema.parse(seedCustomer);

describe('r2RecordFromWire', () => {
  const record = r2RecordFromWire(wire);

  test('turns every date-time into an ISO local date-time and keeps the audit fields', () => {
    expect(record).toMatchObject({
      insuranceexpdate: '2025-12-31T23:59',
      createddate: '2024-01-15T09:00',
      updateddate: '2024-03-01T08:15',
      createdbyname: 'Admin',
      contacts: [
        { recordid: 'C-100', createddate: '2024-01-15T09:30', updateddate: '2024-02-29T17:05' },
      ],
    });
  });

  test('the record is valid by the record schema (what the editor validates)', () => {
    expect(r2RecordSchema.parse(record)).toEqual(record);
  });

  test('drops the nulls the server sends for empty fields', () => {
    const sparse = r2CustomerSchema.parse({
      ...seedCustomer,
      web: null,
      phase: null,
      updateddate: null,
      contacts: [
        { ...seedContact, emailaddr: null, address: { ...seedContact.address, zip: null } },
      ],
    });
    const mapped = r2RecordFromWire(sparse);
    expect(mapped).not.toHaveProperty('web');
    expect(mapped).not.toHaveProperty('phase');
    expect(mapped).not.toHaveProperty('updateddate');
    expect(mapped.contacts?.[0]).not.toHaveProperty('emailaddr');
    expect(mapped.contacts?.[0]?.address).not.toHaveProperty('zip');
  });
});

describe('r2RecordFromWire: one spelling of "empty"', () => {
  test('a cleared text ("") reads as absent, like null: the echo of a PATCH is no change', () => {
    const cleared = r2CustomerSchema.parse({
      ...seedCustomer,
      web: '',
      address: { ...seedCustomer.address, addressline: '' },
      udfs: [{ caption: 'Region', value: '' }],
      contacts: [{ ...seedContact, emailaddr: '', title: null }],
    });
    const mapped = r2RecordFromWire(cleared);
    expect(mapped).not.toHaveProperty('web');
    expect(mapped.address).not.toHaveProperty('addressline');
    expect(mapped.udfs).toEqual([{ caption: 'Region' }]);
    expect(mapped.contacts?.[0]).not.toHaveProperty('emailaddr');
    expect(mapped.contacts?.[0]).not.toHaveProperty('title');
  });

  test('an address block with nothing in it reads as no block', () => {
    const blank = { addressline: '', city: null, state: '', zip: '', country: '' };
    const mapped = r2RecordFromWire(
      r2CustomerSchema.parse({ ...seedCustomer, billingaddress: blank, shippingaddress: {} }),
    );
    expect(mapped).not.toHaveProperty('billingaddress');
    expect(mapped).not.toHaveProperty('shippingaddress');
    expect(mapped.address).toEqual(r2RecordFromWire(wire).address);
  });
});

describe('r2WriteFromRecord', () => {
  const record = r2RecordFromWire(wire);
  const withLocal = {
    ...record,
    contacts: [
      ...(record.contacts ?? []),
      { localKey: 'k-1', firstname: 'New', emailaddr: 'new@x.example' },
    ],
  };
  const body = r2WriteFromRecord(withLocal);

  test('sends wire date-times, no audit fields and no localKey', () => {
    expect(body.insuranceexpdate).toBe('12/31/2025 23:59');
    for (const key of [
      'createdbyid',
      'createdbyname',
      'createddate',
      'updatedbyid',
      'updatedbyname',
      'updateddate',
    ]) {
      expect(body).not.toHaveProperty(key);
      expect(body.contacts?.[0]).not.toHaveProperty(key);
    }
    expect(body.contacts?.[1]).toEqual({ firstname: 'New', emailaddr: 'new@x.example' });
    expect(JSON.stringify(body)).not.toContain('localKey');
  });

  test('the body passes the write schema unchanged', () => {
    expect(r2CustomerWriteSchema.parse(body)).toEqual(body);
  });

  test('wire → record → write equals the wire minus its audit fields', () => {
    const {
      createdbyid,
      createdbyname,
      createddate,
      updatedbyid,
      updatedbyname,
      updateddate,
      ...rest
    } = wire;
    void [createdbyid, createdbyname, createddate, updatedbyid, updatedbyname, updateddate];
    const contacts = wire.contacts?.map((contact) => {
      const {
        createdbyid: a,
        createdbyname: b,
        createddate: c,
        updatedbyid: d,
        updatedbyname: e,
        updateddate: f,
        ...kept
      } = contact;
      void [a, b, c, d, e, f];
      return kept;
    });
    expect(r2WriteFromRecord(r2RecordFromWire(wire))).toEqual({ ...rest, contacts });
  });

  test('record → write → (server adds audit) → record is the identity', () => {
    const audit = {
      createdbyid: 'U1',
      createdbyname: 'Admin',
      createddate: '01/15/2024 09:00',
      updatedbyid: 'U2',
      updatedbyname: 'Sales',
      updateddate: '03/01/2024 08:15',
    };
    const contactAudit = {
      ...audit,
      createddate: '01/15/2024 09:30',
      updateddate: '02/29/2024 17:05',
    };
    const echoed = r2CustomerSchema.parse({
      ...r2WriteFromRecord(record),
      ...audit,
      contacts: r2WriteFromRecord(record).contacts?.map((contact) => ({
        ...contact,
        ...contactAudit,
      })),
    });
    expect(r2RecordFromWire(echoed)).toEqual(record);
  });

  test('nothing empty is sent: null, "" and an empty block are left out (a PUT clears them)', () => {
    expect(
      r2WriteFromRecord({
        companyname: 'A',
        web: null,
        customerid: '',
        insuranceexpdate: null,
        address: { city: '' },
        contacts: [{ recordid: 'C-1', emailaddr: '', address: {} }],
      }),
    ).toEqual({ companyname: 'A', contacts: [{ recordid: 'C-1' }] });
  });
});

describe('r2NaturalKey', () => {
  test('customerid when set, trimmed', () => {
    expect(r2NaturalKey({ customerid: ' ACME ', companyname: 'Acme' })).toEqual({
      customerid: 'ACME',
    });
  });
  test.each([undefined, null, '', '  '])(
    'else the normalized company name (customerid %j)',
    (customerid) => {
      expect(r2NaturalKey({ customerid, companyname: '  Acme   RENTALS ' })).toEqual({
        companyname: 'acme rentals',
      });
    },
  );
  test('matching a server row by the key', () => {
    const byName = r2NaturalKey({ companyname: 'Acme Rentals' });
    expect(r2MatchesNaturalKey(byName, { customerid: 'AUTO-7', companyname: 'ACME rentals' })).toBe(
      true,
    );
    expect(r2MatchesNaturalKey(byName, { companyname: 'Acme Rental' })).toBe(false);
    const byId = r2NaturalKey({ customerid: 'ACME', companyname: 'x' });
    expect(r2MatchesNaturalKey(byId, { customerid: 'ACME', companyname: 'other' })).toBe(true);
    expect(r2MatchesNaturalKey(byId, { customerid: 'acme', companyname: 'x' })).toBe(false);
  });
});
