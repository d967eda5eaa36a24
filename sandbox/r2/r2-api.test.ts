import { beforeAll, describe, expect, it } from 'vitest';
import {
  r2CustomerSchema,
  r2ListSchema,
  type R2Customer,
  type R2ListRow,
} from '../../src-shared/connectors/r2/api';
import { serviceTokens, userTokens } from '../test-support/oauth-client';
import { r2Client } from '../test-support/r2-client';
import { useSandbox } from '../test-support/sandbox-world';
import { formatR2DateTime } from './r2-dates';

const sandbox = useSandbox({ customers: 60 });
let userToken = '';
let serviceToken = '';
beforeAll(async () => {
  userToken = (await userTokens(sandbox())).access_token;
  serviceToken = (await serviceTokens(sandbox())).access_token;
});
const send = r2Client(sandbox, () => userToken);
const asService = r2Client(sandbox, () => serviceToken);

const newCustomer = {
  companyname: 'Quayside Scaffolding Ltd',
  customerid: 'Q-1',
  category: 'Customer',
  address: { addressline: '4 Quay St', city: 'Bristol', zip: 'BS1 4AA', country: 'United Kingdom' },
  contacts: [
    {
      firstname: 'Ada',
      lastname: 'Byrne',
      emailaddr: 'ada@quayside.example',
      isprimarycontact: true,
    },
    { firstname: 'Ben', lastname: 'Ode', emailaddr: 'ben@quayside.example' },
  ],
  udfs: [{ caption: 'Region', value: 'South West' }],
};

describe('R2 Customers resource', () => {
  it('lists rows of customer and contact columns, paged, with X-Total-Count', async () => {
    const first = await send<R2ListRow[]>('GET', 'customers?page=1&pagesize=25');
    expect(first.status).toBe(200);
    expect(r2ListSchema.parse(first.body)).toHaveLength(25);
    const total = Number(first.headers.get('x-total-count'));
    const pages: R2ListRow[] = [];
    for (let page = 1; (page - 1) * 25 < total; page++) {
      pages.push(...(await send<R2ListRow[]>('GET', `customers?page=${page}&pagesize=25`)).body);
    }
    expect(pages).toHaveLength(total);
    // Stable order: by recordid, then contact order; every customer's first row is its first contact.
    const keys = pages.map((row) => `${row.recordid}:${row.contactrecordid ?? ''}`);
    expect(new Set(keys).size).toBe(total);
    const recordIds = pages.map((row) => Number(row.recordid));
    expect(recordIds).toEqual([...recordIds].sort((a, b) => a - b));
    const firstRows = pages.filter(
      (row, index) => index === 0 || pages[index - 1]?.recordid !== row.recordid,
    );
    expect(firstRows.every((row) => row.isfirstcontact !== false)).toBe(true);
  });

  it('leaves out "Created in CRM" customers from the list but serves them by ID', async () => {
    const created = await send<R2Customer>('POST', 'customers', {
      companyname: 'Hidden CRM Lead',
      synchronizer2: 'Created in CRM',
    });
    const id = created.body.recordid;
    const rows = await send<R2ListRow[]>(
      'GET',
      `customers?companyname=${encodeURIComponent('Hidden CRM Lead')}`,
    );
    expect(rows.body).toEqual([]);
    expect(rows.headers.get('x-total-count')).toBe('0');
    expect((await send<R2Customer>('GET', `customers/${id}`)).body.synchronizer2).toBe(
      'Created in CRM',
    );
  });

  it('gives a customer without contacts one row with empty contact columns', async () => {
    await send('POST', 'customers', { companyname: 'Lonely Ltd' });
    const rows = await send<R2ListRow[]>('GET', 'customers?companyname=Lonely%20Ltd');
    expect(rows.body).toHaveLength(1);
    expect(rows.body[0]).toMatchObject({
      companyname: 'Lonely Ltd',
      contactrecordid: null,
      firstname: null,
      isfirstcontact: null,
    });
  });

  it('filters by equality on list columns and by updatedsince; refuses unknown filters and big pages', async () => {
    const active = await send<R2ListRow[]>('GET', 'customers?customerstatus=Active&pagesize=500');
    expect(active.body.length).toBeGreaterThan(0);
    expect(active.body.every((row) => row.customerstatus === 'Active')).toBe(true);

    const before = formatR2DateTime(Date.now() - 60_000);
    await send('POST', 'customers', { companyname: 'Fresh Delta Ltd' });
    const delta = await send<R2ListRow[]>(
      'GET',
      `customers?updatedsince=${encodeURIComponent(before)}&pagesize=500`,
    );
    expect(delta.body.map((row) => row.companyname)).toContain('Fresh Delta Ltd');
    expect(delta.body.every((row) => (row.updateddate ?? '') !== '')).toBe(true);
    expect(delta.body.length).toBeLessThan(
      Number((await send('GET', 'customers')).headers.get('x-total-count')),
    );

    const bad = await send('GET', 'customers?pagesize=501&colour=red&updatedsince=2024-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      errors: [
        { field: 'pagesize', message: 'Page size must be a whole number from 1 to 500' },
        { field: 'updatedsince', message: 'Use the date and time format MM/dd/yyyy HH:mm' },
        {
          field: 'colour',
          message: '"colour" is not a field of a customer and cannot be filtered on',
        },
      ],
    });
  });

  it('filters by a customer field the list does not show: salespersonid ("my customers")', async () => {
    const mine = await send<R2Customer>('POST', 'customers', {
      companyname: 'Mine Ltd',
      salespersonid: 'SP-MINE',
    });
    await send('POST', 'customers', { companyname: 'Theirs Ltd', salespersonid: 'SP-OTHER' });
    const listed = await send<R2ListRow[]>('GET', 'customers?salespersonid=SP-MINE&pagesize=500');
    expect(listed.status).toBe(200);
    expect([...new Set(listed.body.map((row) => row.recordid))]).toEqual([mine.body.recordid]);
    expect(listed.headers.get('x-total-count')).toBe(String(listed.body.length));
  });

  it('creates with 201, a Location and the whole object with created* set from the token', async () => {
    const created = await send<R2Customer>('POST', 'customers', newCustomer);
    expect(created.status).toBe(201);
    const customer = r2CustomerSchema.parse(created.body);
    expect(created.headers.get('location')).toBe(`/r2/customers/${customer.recordid}`);
    expect(customer).toMatchObject({
      companyname: 'Quayside Scaffolding Ltd',
      createdbyid: 'demo',
      createdbyname: 'Dana Demo',
      updatedbyid: 'demo',
    });
    expect(customer.createddate).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(
      customer.contacts?.map((contact) => contact.recordid).every((id) => /^\d+$/.test(id)),
    ).toBe(true);
    expect(customer.contacts?.[0]).toMatchObject({ firstname: 'Ada', createdbyid: 'demo' });
    expect((await send('GET', `customers/${customer.recordid}`)).body).toEqual(created.body);
  });

  it('replaces with PUT: contacts matched by recordid keep their ids, left-out contacts go', async () => {
    const created = (
      await send<R2Customer>('POST', 'customers', { ...newCustomer, customerid: 'Q-2' })
    ).body;
    const [ada] = created.contacts ?? [];
    const put = await asService<R2Customer>('PUT', `customers/${created.recordid}`, {
      companyname: 'Quayside Scaffolding Group',
      contacts: [
        { recordid: ada?.recordid, firstname: 'Ada', lastname: 'Byrne-Lee' },
        { firstname: 'Cy' },
      ],
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      recordid: created.recordid,
      companyname: 'Quayside Scaffolding Group',
      customerid: null,
      createdbyid: 'demo',
      updatedbyid: 'fieldbook-service',
      updatedbyname: 'Service account',
    });
    expect(put.body.contacts).toHaveLength(2);
    expect(put.body.contacts?.[0]).toMatchObject({
      recordid: ada?.recordid,
      lastname: 'Byrne-Lee',
      emailaddr: null,
    });
    expect(put.body.contacts?.[1]?.recordid).not.toBe(created.contacts?.[1]?.recordid);
  });

  it('patches as JSON Merge Patch: null clears, blocks merge per key, udfs replace, contacts by recordid', async () => {
    const created = (
      await send<R2Customer>('POST', 'customers', { ...newCustomer, customerid: 'Q-3' })
    ).body;
    const [ada, ben] = created.contacts ?? [];
    const patch = await asService<R2Customer>('PATCH', `customers/${created.recordid}`, {
      phonenumber: '+44 117 000',
      category: null,
      address: { city: 'Bath', zip: null },
      udfs: [{ caption: 'Tier', value: 'Gold' }],
      contacts: [
        { recordid: ben?.recordid, mobilephone: '07700 900000', lastname: null },
        { firstname: 'Dee', lastname: 'New' },
      ],
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({
      companyname: 'Quayside Scaffolding Ltd',
      customerid: 'Q-3',
      phonenumber: '+44 117 000',
      category: null,
      address: { addressline: '4 Quay St', city: 'Bath', country: 'United Kingdom' },
      // The list replaces the server's: the Region udf, left out, is gone.
      udfs: [{ caption: 'Tier', value: 'Gold' }],
      updatedbyid: 'fieldbook-service',
    });
    expect(patch.body.address).not.toHaveProperty('zip');
    const contacts = patch.body.contacts ?? [];
    expect(contacts.map((contact) => contact.firstname)).toEqual(['Ada', 'Ben', 'Dee']);
    expect(contacts[0]).toEqual(ada);
    expect(contacts[1]).toMatchObject({
      recordid: ben?.recordid,
      mobilephone: '07700 900000',
      emailaddr: 'ben@quayside.example',
      lastname: null,
      updatedbyid: 'fieldbook-service',
    });
  });

  it('stores "" from a PATCH as the cleared text it is; refuses null for synchronizer2', async () => {
    const created = (
      await send<R2Customer>('POST', 'customers', { ...newCustomer, customerid: 'Q-4' })
    ).body;
    const patch = await send<R2Customer>('PATCH', `customers/${created.recordid}`, {
      customerid: '',
      address: { addressline: '', city: 'Bath', state: '', zip: '', country: '' },
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({
      customerid: '',
      address: { addressline: '', city: 'Bath', state: '', zip: '', country: '' },
    });
    const cleared = await send('PATCH', `customers/${created.recordid}`, { synchronizer2: null });
    expect(cleared).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'synchronizer2', message: expect.stringMatching(/one of/) }] },
    });
  });

  it('gives a customer created or replaced without synchronizer2 "Created in R2", so it is listed', async () => {
    // newCustomer names no synchronizer2.
    const body = { ...newCustomer, customerid: 'Q-5' };
    const created = await send<R2Customer>('POST', 'customers', body);
    expect(created.body.synchronizer2).toBe('Created in R2');
    const listed = await send<R2ListRow[]>('GET', 'customers?customerid=Q-5');
    expect(listed.body.map((row) => row.recordid)).toContain(created.body.recordid);
    const crm = await send<R2Customer>('PUT', `customers/${created.body.recordid}`, {
      ...body,
      synchronizer2: 'Created in CRM',
    });
    expect(crm.body.synchronizer2).toBe('Created in CRM');
    const replaced = await send<R2Customer>('PUT', `customers/${created.body.recordid}`, body);
    expect(replaced.body.synchronizer2).toBe('Created in R2');
  });

  it('answers validation errors with field paths, and the server-only rules', async () => {
    const invalid = await send('POST', 'customers', {
      companyname: ' ',
      contacts: [{ emailaddr: 'not-an-email' }],
      creditlimit: -5,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      errors: expect.arrayContaining([
        { field: 'companyname', message: 'Company name is required' },
        { field: 'contacts[0].emailaddr', message: 'Enter a valid email address' },
        { field: 'creditlimit', message: 'Credit limit cannot be negative' },
      ]),
    });
    const duplicate = await send('POST', 'customers', {
      companyname: 'Copy Ltd',
      customerid: 'q-1',
    });
    expect(duplicate.status).toBe(400);
    expect((duplicate.body as { errors: { field: string }[] }).errors[0]?.field).toBe('customerid');

    const created = (await send<R2Customer>('POST', 'customers', { companyname: 'Strict Ltd' }))
      .body;
    const foreign = await send('PATCH', `customers/${created.recordid}`, {
      recordid: '1',
      contacts: [{ recordid: '999', firstname: 'X' }],
    });
    expect(foreign.body).toEqual({
      errors: [
        {
          field: 'recordid',
          message: `The record id 1 in the body does not match customer ${created.recordid}.`,
        },
        { field: 'contacts[0].recordid', message: 'Contact 999 does not belong to this customer.' },
      ],
    });
  });

  it('answers 404, 405 and bad JSON in the R2 error format', async () => {
    expect(await send('GET', 'customers/424242')).toMatchObject({
      status: 404,
      body: { errors: [{ field: '', message: 'Customer 424242 was not found.' }] },
    });
    expect((await send('PATCH', 'customers/424242', {})).status).toBe(404);
    const notAllowed = await send('DELETE', 'customers/1000001');
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.headers.get('allow')).toBe('GET, PUT, PATCH');
    expect((await send('GET', 'invoices')).status).toBe(404);
    const response = await fetch(`${sandbox().r2.baseUrl}customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json' },
      body: '{',
    });
    expect(response.status).toBe(400);
  });
});
