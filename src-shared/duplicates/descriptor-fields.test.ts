// Each connector says where its duplicate-relevant fields live; the matcher never asks which API.
import { describe, expect, it } from 'vitest';
import { r2Descriptor, revnueDescriptor } from '../connectors';
import { DuplicateIndex } from '.';

describe('duplicateFields of the connectors', () => {
  it('Revnue: name, phones, contact email, website, street and city; no customer number', () => {
    const record = {
      ...revnueDescriptor.emptyRecord(),
      name: 'Acme GmbH',
      phone: '+49 30 1234567',
      mobile: '0171 2345678',
      website: 'https://acme.de',
      address_line_1: 'Hauptstraße 1',
      city: 'Berlin',
      contact_person: { name: 'Anna', email: 'anna@acme.de', type: undefined },
    };
    expect(revnueDescriptor.duplicateFields(record)).toEqual({
      name: 'Acme GmbH',
      customerNumber: '',
      phones: ['+49 30 1234567', '0171 2345678', ''],
      emails: ['anna@acme.de'],
      websites: ['https://acme.de'],
      addressLine: 'Hauptstraße 1',
      city: 'Berlin',
    });
  });

  it('R2: company name, customer ID, every phone and contact email, web, address', () => {
    const record = {
      ...r2Descriptor.emptyRecord(),
      companyname: 'Acme Ltd',
      customerid: 'C-7',
      phonenumber: '+44 20 7946 0000',
      web: 'acme.co.uk',
      address: { addressline: '1 High St', city: 'Leeds' },
      contacts: [{ firstname: 'Ben', emailaddr: 'ben@acme.co.uk', mobilephone: '07700 900123' }],
    };
    const fields = r2Descriptor.duplicateFields(record);
    expect(fields).toMatchObject({
      name: 'Acme Ltd',
      customerNumber: 'C-7',
      emails: ['ben@acme.co.uk'],
      websites: ['acme.co.uk'],
      addressLine: '1 High St',
      city: 'Leeds',
    });
    expect(fields.phones).toContain('07700 900123');
    expect(fields.phones).toContain('+44 20 7946 0000');
  });

  it('tolerates a draft that lacks fields', () => {
    const index = new DuplicateIndex();
    index.upsert('a', r2Descriptor.duplicateFields({ companyname: 'Acme Ltd', customerid: 'C-7' }));
    const draft = r2Descriptor.duplicateFields({ customerid: 'c7' } as never);
    expect(index.check(draft).map((candidate) => candidate.reasons)).toEqual([
      ['Same customer ID'],
    ]);
  });
});
