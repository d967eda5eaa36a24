import { describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from './api';
import { merge } from '../../sync/merge';
import { acmeOnR2 } from '../../sync/test-support/sample-records';
import { r2Shape } from './shape';
import { resolveR2 } from './resolve';
import { r2CreateBody, r2UpdateRequest } from './wire';

function mineOnly(change: (record: R2CustomerRecord) => void) {
  const mine = acmeOnR2();
  change(mine);
  return r2UpdateRequest(merge(r2Shape, acmeOnR2(), mine, acmeOnR2()));
}
const jane = (record: R2CustomerRecord) => record.contacts![0]!;

describe('R2 PATCH body: only what changed, in the units R2 replaces', () => {
  test('a changed field is sent alone', () => {
    expect(mineOnly((r) => (r.phonenumber = '+44 113 496 1234'))).toEqual({
      ok: true,
      value: { method: 'PATCH', body: { phonenumber: '+44 113 496 1234' } },
    });
  });

  test('a changed city sends the whole address block, every key it lacks as ""', () => {
    expect(mineOnly((r) => (r.billingaddress!.city = 'York'))).toEqual({
      ok: true,
      value: {
        method: 'PATCH',
        body: {
          billingaddress: {
            addressline: 'PO Box 7',
            city: 'York',
            state: '',
            zip: 'LS1 9ZZ',
            country: 'UK',
          },
        },
      },
    });
  });

  test('a cleared address line is sent as "" (a text), so a per-key merge clears it too', () => {
    const request = mineOnly((r) => delete r.address!.addressline);
    expect(request.ok && request.value?.body.address).toEqual({
      addressline: '',
      city: 'Leeds',
      state: '',
      zip: 'LS1 4DL',
      country: 'UK',
    });
  });

  test('a removed address block is sent with every key "" (an object has its empty value)', () => {
    expect(mineOnly((r) => delete r.billingaddress)).toEqual({
      ok: true,
      value: {
        method: 'PATCH',
        body: { billingaddress: { addressline: '', city: '', state: '', zip: '', country: '' } },
      },
    });
  });

  test.each<[string, (r: R2CustomerRecord) => void, Record<string, unknown>]>([
    ['a cleared text goes as ""', (r) => delete r.customerid, { customerid: '' }],
    ['a text cleared to "" goes as ""', (r) => (r.phonenumber = ''), { phonenumber: '' }],
    [
      'a cleared date goes as null (no empty date)',
      (r) => delete r.insuranceexpdate,
      { insuranceexpdate: null },
    ],
    [
      'a cleared choice goes as null (no empty choice)',
      (r) => delete r.customerstatus,
      { customerstatus: null },
    ],
    ['cleared udfs go as [] (the empty list)', (r) => delete r.udfs, { udfs: [] }],
  ])('%s', (_name, edit, body) => {
    expect(mineOnly(edit)).toEqual({ ok: true, value: { method: 'PATCH', body } });
  });

  test('a contact’s cleared email goes as ""', () => {
    const request = mineOnly((r) => delete jane(r).emailaddr);
    expect(request.ok && request.value?.body.contacts).toEqual([
      { recordid: 'C-17', emailaddr: '' },
    ]);
  });

  test('a contact’s cleared primary flag goes as null (false is a value, not "empty")', () => {
    const base = acmeOnR2();
    jane(base).isprimarycontact = true;
    const mine = structuredClone(base);
    delete jane(mine).isprimarycontact;
    expect(r2UpdateRequest(merge(r2Shape, base, mine, base))).toEqual({
      ok: true,
      value: {
        method: 'PATCH',
        body: { contacts: [{ recordid: 'C-17', isprimarycontact: null }] },
      },
    });
  });

  test('synchronizer2 cannot be cleared: the seed has no empty value for it', () => {
    const base: R2CustomerRecord = { ...acmeOnR2(), synchronizer2: 'Created in R2' };
    const mine = structuredClone(base);
    delete mine.synchronizer2;
    expect(r2UpdateRequest(merge(r2Shape, base, mine, base))).toEqual({
      ok: false,
      errors: {
        synchronizer2: [
          'Synchronize R2 must be one of: Created in R2, Synchronized with R2, Created in CRM',
        ],
      },
    });
  });

  test('a changed contact goes by its recordid with just its changed fields (blocks complete)', () => {
    const request = mineOnly((r) => {
      jane(r).workphone = '+44 7700 900123';
      jane(r).address = { city: 'Bradford', zip: 'BD1' };
    });
    expect(request).toEqual({
      ok: true,
      value: {
        method: 'PATCH',
        body: {
          contacts: [
            {
              recordid: 'C-17',
              workphone: '+44 7700 900123',
              address: {
                addressline: '',
                city: 'Bradford',
                state: '',
                zip: 'BD1',
                country: '',
              },
            },
          ],
        },
      },
    });
  });

  test('a new contact is sent whole, without its local key and without a recordid', () => {
    const request = mineOnly((r) =>
      r.contacts!.push({ localKey: 'new-1', firstname: 'Liz', emailaddr: 'liz@acme.example' }),
    );
    expect(request).toEqual({
      ok: true,
      value: {
        method: 'PATCH',
        body: { contacts: [{ firstname: 'Liz', emailaddr: 'liz@acme.example' }] },
      },
    });
  });

  test('any changed udf sends the whole udfs list (the list replaces the server’s)', () => {
    const request = mineOnly((r) => (r.udfs![1]!.value = 'Silver'));
    expect(request).toEqual({
      ok: true,
      value: {
        method: 'PATCH',
        body: {
          udfs: [
            { caption: 'Region', value: 'North' },
            { caption: 'Tier', value: 'Silver' },
          ],
        },
      },
    });
  });

  test('a removed udf is left out of the list sent, which removes it on the server', () => {
    expect(mineOnly((r) => (r.udfs = r.udfs!.slice(0, 1)))).toEqual({
      ok: true,
      value: { method: 'PATCH', body: { udfs: [{ caption: 'Region', value: 'North' }] } },
    });
  });

  test('a contact deleted on the server but kept here goes as a new contact, without its old recordid', () => {
    const mine = acmeOnR2();
    jane(mine).title = 'Head buyer';
    const theirs = acmeOnR2();
    theirs.contacts = theirs.contacts!.slice(1);
    const merged = merge(r2Shape, acmeOnR2(), mine, theirs);
    const resolved = resolveR2(merged, { [merged.conflicts[0]!.path]: 'mine' });
    const request = resolved.ok ? r2UpdateRequest(resolved.value) : resolved;
    const body = request.ok && request.value?.method === 'PATCH' ? request.value.body : undefined;
    expect(body?.contacts).toHaveLength(1);
    expect(body?.contacts?.[0]).toMatchObject({ firstname: 'Jane', title: 'Head buyer' });
    expect(body?.contacts?.[0]).not.toHaveProperty('recordid');
  });

  test('a removed contact cannot be said in a PATCH: the whole record goes as PUT', () => {
    const request = mineOnly((r) => (r.contacts = r.contacts!.slice(0, 1)));
    expect(request.ok && request.value?.method).toBe('PUT');
    const body = request.ok && request.value?.method === 'PUT' ? request.value.body : undefined;
    expect(body?.contacts?.map((c) => c.recordid)).toEqual(['C-17']);
    expect(body?.insuranceexpdate).toBe('03/31/2025 00:00');
    expect(body).not.toHaveProperty('updateddate');
    expect(body?.contacts?.[0]).not.toHaveProperty('createdbyname');
  });

  test('nothing to send when the server already has every local change', () => {
    const same = acmeOnR2();
    same.phonenumber = '+44 1';
    expect(r2UpdateRequest(merge(r2Shape, acmeOnR2(), same, same))).toEqual({
      ok: true,
      value: null,
    });
  });

  test('refuses while a conflict is unresolved', () => {
    const mine = acmeOnR2();
    mine.phonenumber = '+44 1';
    const theirs = acmeOnR2();
    theirs.phonenumber = '+44 2';
    expect(r2UpdateRequest(merge(r2Shape, acmeOnR2(), mine, theirs))).toEqual({
      ok: false,
      errors: { phonenumber: ['Phone was changed here and on the server; choose a value first.'] },
    });
  });

  test('refuses a record the schema rejects, naming the contact by recordid', () => {
    expect(mineOnly((r) => (jane(r).emailaddr = 'jane@'))).toEqual({
      ok: false,
      errors: { 'contacts[recordid=C-17].emailaddr': ['Enter a valid email address'] },
    });
  });
});

describe('R2 POST body', () => {
  test('is the whole record with R2 dates, without audit fields or local keys', () => {
    const record = acmeOnR2();
    delete record.recordid;
    record.contacts!.push({ localKey: 'new-1', firstname: 'Liz' });
    const created = r2CreateBody(record);
    expect(created.ok).toBe(true);
    const body = created.ok ? created.value : undefined;
    expect(body?.companyname).toBe('ACME Rentals');
    expect(body?.insuranceexpdate).toBe('03/31/2025 00:00');
    expect(body).not.toHaveProperty('createdbyname');
    expect(body?.contacts?.[2]).toEqual({ firstname: 'Liz' });
  });

  test('sets synchronizer2 to "Created in R2", so the customer is listed and findable', () => {
    const created = r2CreateBody({ companyname: 'Initech' });
    expect(created).toEqual({
      ok: true,
      value: { companyname: 'Initech', synchronizer2: 'Created in R2' },
    });
  });

  test('keeps the synchronizer2 the record chose', () => {
    const created = r2CreateBody({ companyname: 'Initech', synchronizer2: 'Created in CRM' });
    expect(created.ok && created.value.synchronizer2).toBe('Created in CRM');
  });

  test('sends nothing empty: no null, no "", no empty block', () => {
    const created = r2CreateBody({
      companyname: 'Initech',
      web: '',
      phase: null,
      address: {},
      billingaddress: { city: '', zip: null },
      contacts: [{ localKey: 'k', firstname: 'Peter', emailaddr: '', address: { city: 'Austin' } }],
      udfs: [{ caption: 'Region', value: null }],
    });
    expect(created).toEqual({
      ok: true,
      value: {
        companyname: 'Initech',
        synchronizer2: 'Created in R2',
        contacts: [{ firstname: 'Peter', address: { city: 'Austin' } }],
        udfs: [{ caption: 'Region' }],
      },
    });
  });

  test('tells the salesperson what is missing instead of sending', () => {
    expect(r2CreateBody({ ...acmeOnR2(), companyname: '  ' })).toEqual({
      ok: false,
      errors: { companyname: ['Company name is required'] },
    });
  });
});
