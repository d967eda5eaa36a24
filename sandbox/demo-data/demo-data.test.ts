import { describe, expect, it, test } from 'vitest';
import { r2CustomerSchema } from '../../src-shared/connectors/r2/api';
import { revnueNaturalKey, revnueRecordSchemaFor } from '../../src-shared/connectors/revnue-v2/api';
import { createRandom } from '../random';
import { demoRevnueLookups } from '../revnue/revnue-lookups';
import { generateR2Customers } from './r2-customers';
import { generateRevnueCustomers } from './revnue-customers';
import { salespersonName } from './salespeople';

const now = Date.UTC(2026, 0, 15);

describe('demo data', () => {
  it('is deterministic per seed', () => {
    const lookups = demoRevnueLookups();
    const revnue = (seed: number) => [...generateRevnueCustomers(createRandom(seed), 50, lookups)];
    const r2 = (seed: number) => [...generateR2Customers(createRandom(seed), 50, now)];
    expect(revnue(3)).toEqual(revnue(3));
    expect(revnue(3)).not.toEqual(revnue(4));
    expect(r2(3)).toEqual(r2(3));
    expect(r2(3)).not.toEqual(r2(4));
  });

  it('makes Revnue customers that pass the seed rules, with unique names and varied fields', () => {
    const lookups = demoRevnueLookups();
    const schema = revnueRecordSchemaFor(lookups.templates);
    const customers = [...generateRevnueCustomers(createRandom(1), 2000, lookups)];
    // Stored as canonical records: the record schema accepts each one and changes nothing.
    for (const customer of customers) expect(schema.parse(customer)).toEqual(customer);
    expect(new Set(customers.map(revnueNaturalKey)).size).toBe(customers.length);
    expect(new Set(customers.map((customer) => customer.company))).toEqual(new Set([1, 2]));
    expect(customers.some((customer) => customer.contact_person === null)).toBe(true);
    expect(customers.some((customer) => customer.template === null)).toBe(true);
  });

  it('makes R2 customers in the by-ID shape, with 0–4 contacts and some "Created in CRM"', () => {
    const customers = [...generateR2Customers(createRandom(1), 2000, now)];
    for (const { customer } of customers)
      expect(r2CustomerSchema.safeParse(customer).success).toBe(true);
    const contactCounts = new Set(customers.map(({ customer }) => customer.contacts?.length));
    expect(contactCounts).toEqual(new Set([0, 1, 2, 3, 4]));
    const crm = customers.filter(
      ({ customer }) => customer.synchronizer2 === 'Created in CRM',
    ).length;
    expect(crm).toBeGreaterThan(0);
    expect(crm).toBeLessThan(customers.length / 5);
    expect(customers.every(({ updatedAt }) => updatedAt <= now)).toBe(true);
  });
});

test('a salesperson id that names an Object.prototype member is shown as itself', () => {
  expect(salespersonName('constructor')).toBe('constructor');
  expect(salespersonName('toString')).toBe('toString');
  expect(salespersonName('SP01')).toBe('Sam Patel');
});
