import { describe, expect, test } from 'vitest';
import { r2Shape } from '../connectors/r2/shape';
import { revnueShape } from '../connectors/revnue-v2/shape';
import { changedPaths, diff } from './diff';
import { acmeOnR2, globexOnRevnue } from './test-support/sample-records';

describe('diff: what a salesperson changed, field by field (R2)', () => {
  test('a plain field is its own path, with its new value', () => {
    const edited = { ...acmeOnR2(), phonenumber: '+44 113 496 9999' };
    expect(diff(r2Shape, acmeOnR2(), edited)).toEqual([
      { path: 'phonenumber', value: '+44 113 496 9999' },
    ]);
  });

  test('a field inside an address block is named inside the block', () => {
    const edited = acmeOnR2();
    edited.billingaddress = { ...edited.billingaddress, city: 'York' };
    expect(changedPaths(r2Shape, acmeOnR2(), edited)).toEqual(['billingaddress.city']);
  });

  test('a block that appears or disappears as a whole is one change', () => {
    const edited = { ...acmeOnR2(), shippingaddress: { city: 'Hull' } };
    expect(diff(r2Shape, acmeOnR2(), edited)).toEqual([
      { path: 'shippingaddress', value: { city: 'Hull' } },
    ]);
  });

  test('contacts are matched by recordid, so reordering them changes nothing', () => {
    const reordered = acmeOnR2();
    reordered.contacts = [...(reordered.contacts ?? [])].reverse();
    reordered.udfs = [...(reordered.udfs ?? [])].reverse();
    expect(diff(r2Shape, acmeOnR2(), reordered)).toEqual([]);
  });

  test("an edited contact's field, address and udfs are named under that contact", () => {
    const edited = acmeOnR2();
    const [jane, max] = edited.contacts ?? [];
    edited.contacts = [
      max!,
      {
        ...jane!,
        workphone: '+44 7700 900123',
        address: { city: 'Bradford' },
        udfs: [{ caption: 'Role', value: 'Decision maker' }],
      },
    ];
    expect(changedPaths(r2Shape, acmeOnR2(), edited)).toEqual([
      'contacts[recordid=C-17].workphone',
      'contacts[recordid=C-17].address.city',
      'contacts[recordid=C-17].udfs[caption=Role].value',
    ]);
  });

  test('a new contact (no recordid yet) is matched by its localKey and added whole', () => {
    const edited = acmeOnR2();
    const newContact = { localKey: 'new-1', firstname: 'Liz', emailaddr: 'liz@acme.example' };
    edited.contacts = [...(edited.contacts ?? []), newContact];
    expect(diff(r2Shape, acmeOnR2(), edited)).toEqual([
      { path: 'contacts[localKey=new-1]', value: newContact },
    ]);
  });

  test('a removed contact or udf is one change whose value is undefined', () => {
    const edited = acmeOnR2();
    edited.contacts = edited.contacts?.filter((contact) => contact.recordid !== 'C-18');
    edited.udfs = edited.udfs?.filter((udf) => udf.caption !== 'Tier');
    expect(diff(r2Shape, acmeOnR2(), edited)).toEqual([
      { path: 'contacts[recordid=C-18]', value: undefined },
      { path: 'udfs[caption=Tier]', value: undefined },
    ]);
  });

  test('read-only audit fields are never changes, on the customer or on a contact', () => {
    const fromServer = acmeOnR2();
    fromServer.updatedbyname = 'Bob';
    fromServer.updateddate = '2024-06-01T12:00';
    fromServer.contacts![0]!.updateddate = '2024-06-01T12:00';
    expect(diff(r2Shape, acmeOnR2(), fromServer)).toEqual([]);
  });
});

describe('diff (Revnue)', () => {
  test('the contact person is a block: each of its fields is a path', () => {
    const edited = globexOnRevnue();
    edited.contact_person = { ...edited.contact_person!, email: 'h.scorpio@globex.example' };
    expect(changedPaths(revnueShape, globexOnRevnue(), edited)).toEqual(['contact_person.email']);
  });

  test('custom field values are matched by field id, whatever their order', () => {
    const edited = globexOnRevnue();
    edited.template = {
      id: 5,
      fields: [
        { id: 8, value: 'Platinum' },
        { id: 7, value: '1200.00' },
      ],
    };
    expect(diff(revnueShape, globexOnRevnue(), edited)).toEqual([
      { path: 'template.fields[id=8].value', value: 'Platinum' },
    ]);
  });

  test('another template is one change of the whole template, even where a field id repeats', () => {
    const edited = globexOnRevnue();
    edited.template = { id: 6, fields: [{ id: 8, value: 'Gold' }] };
    expect(diff(revnueShape, globexOnRevnue(), edited)).toEqual([
      { path: 'template', value: { id: 6, fields: [{ id: 8, value: 'Gold' }] } },
    ]);
  });

  test('the server id is not a change', () => {
    expect(diff(revnueShape, globexOnRevnue(), { ...globexOnRevnue(), id: 43 })).toEqual([]);
  });
});
