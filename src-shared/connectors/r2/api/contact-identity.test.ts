import { describe, expect, test } from 'vitest';
import { withContactIdentities } from './contact-identity';
import { r2RecordSchema, type R2CustomerRecord } from './record';

function counter() {
  let next = 0;
  return () => `k${(next += 1)}`;
}

describe('withContactIdentities (what the editor calls before storing a record)', () => {
  test('a new contact without identity gets a localKey; the others are untouched', () => {
    const jane = { recordid: 'C-1', firstname: 'Jane' };
    const record: R2CustomerRecord = {
      companyname: 'Acme',
      contacts: [jane, { firstname: 'Bob' }],
    };
    const keyed = withContactIdentities(record, counter());
    expect(keyed.contacts).toEqual([jane, { firstname: 'Bob', localKey: 'k1' }]);
    expect(keyed.contacts?.[0]).toBe(jane);
    expect(r2RecordSchema.safeParse(record).success).toBe(false);
    expect(r2RecordSchema.safeParse(keyed).success).toBe(true);
  });

  test('a copied contact (same recordid or localKey) becomes a new contact of its own', () => {
    const record: R2CustomerRecord = {
      companyname: 'Acme',
      contacts: [
        { recordid: 'C-1', firstname: 'Jane' },
        { recordid: 'C-1', firstname: 'Jane (copy)' },
        { localKey: 'a', firstname: 'Liz' },
        { localKey: 'a', firstname: 'Liz (copy)' },
      ],
    };
    const keyed = withContactIdentities(record, counter());
    expect(keyed.contacts).toEqual([
      { recordid: 'C-1', firstname: 'Jane' },
      { localKey: 'k1', firstname: 'Jane (copy)' },
      { localKey: 'a', firstname: 'Liz' },
      { localKey: 'k2', firstname: 'Liz (copy)' },
    ]);
    expect(r2RecordSchema.safeParse(keyed).success).toBe(true);
  });

  test('a record whose contacts all have an identity is returned as it is', () => {
    const record: R2CustomerRecord = { companyname: 'Acme', contacts: [{ localKey: 'a' }] };
    expect(withContactIdentities(record)).toBe(record);
  });

  test('the default keys are unique', () => {
    const record: R2CustomerRecord = { companyname: 'Acme', contacts: [{}, {}, {}] };
    const keys = withContactIdentities(record).contacts?.map((contact) => contact.localKey);
    expect(new Set(keys).size).toBe(3);
    expect(keys?.every((key) => key?.startsWith('local-'))).toBe(true);
  });
});
