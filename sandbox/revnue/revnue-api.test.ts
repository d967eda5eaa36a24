import { describe, expect, it } from 'vitest';
import { bearer, jsonHeaders, useSandbox } from '../test-support/sandbox-world';

const sandbox = useSandbox();
const api = (path: string) => `${sandbox().revnue.baseUrl}${path}`;
const token = () => sandbox().revnue.token;

async function send(method: string, path: string, body?: unknown) {
  const response = await fetch(api(path), {
    method,
    headers: jsonHeaders(token()),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

const seedBody = {
  company: 1,
  name: 'Brand New Plant Hire Ltd',
  category: 2,
  contact_person: { name: 'Ann Smith', email: 'ann@example.com', type: 'sales' },
  address_line_1: '1 Quay Street',
  city: 'Leeds',
  zip_postal_code: 'LS1 1AA',
  country: '826',
  nda_signed: true,
  nda_signed_date: '2024-05-01',
  template: {
    id: 1,
    fields: [
      { id: 1, value: '1234.5' },
      { id: 2, value: 12 },
      { id: 3, value: '2026-01-31' },
    ],
  },
};

describe('Revnue API v2', () => {
  it('refuses requests without a token or with an unknown one, DRF style', async () => {
    const none = await fetch(api('customer/?company=1'));
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    const wrong = await fetch(api('customer/?company=1'), { headers: bearer('rvn_wrong') });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ detail: 'Invalid token.' });
  });

  it('serves the lookups, categories and templates per company', async () => {
    const companies = await send('GET', 'company/');
    expect(companies.body).toEqual([
      { id: 1, name: 'Northwind Field Sales' },
      { id: 2, name: 'Northwind Services' },
    ]);
    const categories = (await send('GET', 'category/?company=2')).body as { id: number }[];
    expect(categories.map((category) => category.id)).toEqual([6, 7]);
    const countries = (await send('GET', 'country/')).body as { id: number; name: string }[];
    expect(countries).toContainEqual({ id: 276, name: 'Germany' });
    const templates = (await send('GET', 'custom_field_template/?company=1')).body as {
      fields: { type: string }[];
    }[];
    expect(
      new Set(templates.flatMap((template) => template.fields.map((field) => field.type))),
    ).toEqual(new Set(['money', 'number', 'date', 'text']));
    expect((await send('GET', 'category/')).body).toEqual({
      company: ['This query parameter is required, e.g. ?company=1.'],
    });
    expect((await send('GET', 'custom_field_template/?company=9')).status).toBe(400);
  });

  it('creates a customer (POST without trailing slash, as in the seed) and answers the response shape', async () => {
    const created = await send('POST', 'customer', seedBody);
    expect(created.status).toBe(201);
    const customer = created.body as Record<string, unknown>;
    expect(customer).toMatchObject({
      name: 'Brand New Plant Hire Ltd',
      category: { id: 2, name: 'Customer' },
      country: 'United Kingdom',
      contact_person: { name: 'Ann Smith', email: 'ann@example.com', type: 'sales' },
      template: { id: 1, fields: { '1': '1234.50', '2': 12, '3': '2026-01-31' } },
    });
    const id = customer.id as number;
    expect((await send('GET', `customer/${id}/`)).body).toEqual(customer);
    const list = (await send('GET', 'customer/?company=1')).body as { id: number }[];
    expect(list.some((row) => row.id === id)).toBe(true);
    const other = (await send('GET', 'customer/?company=2')).body as { id: number }[];
    expect(other.some((row) => row.id === id)).toBe(false);
  });

  it('replaces a customer with PUT and deletes it', async () => {
    const { body } = await send('POST', 'customer/', { ...seedBody, name: 'Put Me Ltd' });
    const id = (body as { id: number }).id;
    const put = await send('PUT', `customer/${id}/`, {
      company: 1,
      name: 'Put Me Renamed Ltd',
      city: 'York',
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      id,
      name: 'Put Me Renamed Ltd',
      city: 'York',
      category: null,
      template: null,
    });
    // A PUT may keep its own name: uniqueness ignores the record itself.
    expect(
      (await send('PUT', `customer/${id}`, { company: 1, name: 'put me  renamed ltd' })).status,
    ).toBe(200);
    expect((await send('DELETE', `customer/${id}/`)).status).toBe(204);
    expect(await send('GET', `customer/${id}/`)).toMatchObject({
      status: 404,
      body: { detail: 'Not found.' },
    });
    expect((await send('DELETE', `customer/${id}/`)).status).toBe(404);
    expect((await send('PUT', `customer/${id}/`, seedBody)).status).toBe(404);
  });

  it('PUT convention: a key left out is "not set", null clears, "" clears a text', async () => {
    const { body } = await send('POST', 'customer/', { ...seedBody, name: 'Clear Me Ltd' });
    const id = (body as { id: number }).id;
    const put = await send('PUT', `customer/${id}/`, {
      company: 1,
      name: 'Clear Me Ltd',
      address_line_1: '',
      category: null,
      nda_signed_date: null,
      contact_person: { name: 'Ann Smith', email: 'ann@example.com', type: null },
      template: {
        id: 1,
        fields: [
          { id: 1, value: '99.00' },
          { id: 2, value: null },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      address_line_1: '',
      city: '',
      category: null,
      country: null,
      nda_signed: false,
      nda_signed_date: null,
      contact_person: { name: 'Ann Smith', email: 'ann@example.com', type: null },
      // Left out and cleared alike: a custom field without a value is no field.
      template: { id: 1, fields: { '1': '99.00' } },
    });
  });

  it('refuses null in a POST (the seed allows none), naming each field DRF style', async () => {
    const created = await send('POST', 'customer/', {
      company: 1,
      name: 'Null Hire Ltd',
      category: null,
      contact_person: { name: 'Ann Smith', email: 'ann@example.com', type: null },
      template: { id: 1, fields: [{ id: 1, value: null }] },
    });
    expect(created.status).toBe(400);
    expect(created.body).toEqual({
      category: ['This field may not be null.'],
      contact_person: { type: ['This field may not be null.'] },
      template: { fields: [{ value: ['This field may not be null.'] }] },
    });
    const text = await send('POST', 'customer/', { company: 1, name: 'Null Hire Ltd', city: null });
    expect(text).toMatchObject({ status: 400, body: { city: ['City must be text'] } });
  });

  it('answers field errors for the seed rules, nested like DRF serializers', async () => {
    const bad = await send('POST', 'customer/', {
      company: 1,
      name: 'x'.repeat(51),
      contact_person: { name: 'No Email' },
      nda_signed_date: '2024-02-30',
      template: {
        id: 1,
        fields: [
          { id: 1, value: '1.234' },
          { id: 2, value: 1.5 },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      name: ['Name must be at most 50 characters'],
      contact_person: { email: ['Contact email is required when a name is given'] },
      nda_signed_date: ['NDA signed date: enter a date like 2025-06-30'],
      template: { fields: [{ value: [expect.any(String)] }, { value: [expect.any(String)] }] },
    });
    const missing = await send('POST', 'customer/', {});
    expect(missing.body).toMatchObject({
      company: [expect.any(String)],
      name: ['Name is required'],
    });
  });

  it('enforces the server-only rules: unique name per account and ids that exist', async () => {
    await send('POST', 'customer/', { company: 1, name: 'Unique Name GmbH' });
    const duplicate = await send('POST', 'customer/', {
      company: 2,
      name: '  unique   name gmbh ',
    });
    expect(duplicate).toMatchObject({
      status: 400,
      body: { name: ['A customer with this name already exists.'] },
    });
    const ids = await send('POST', 'customer/', {
      company: 1,
      name: 'Ids Ltd',
      category: 6,
      country: 999,
      template: { id: 3, fields: [] },
    });
    expect(ids.status).toBe(400);
    expect(ids.body).toEqual({
      category: ['Category 6 does not exist for company 1.'],
      country: ['There is no country with the numeric code 999.'],
      template: { id: ['Custom field template 3 belongs to another company.'] },
    });
    const company = await send('POST', 'customer/', { company: 7, name: 'Company Ltd' });
    expect(company.body).toEqual({ company: ['Company 7 does not exist in this account.'] });
  });

  it('answers 400 for a body that is not a JSON object', async () => {
    const response = await fetch(api('customer/'), {
      method: 'POST',
      headers: jsonHeaders(token()),
      body: '{oops',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^JSON parse error/);
    expect((await send('POST', 'customer/', [1])).body).toEqual({
      non_field_errors: ['Invalid data. Expected a dictionary, but got list.'],
    });
  });

  it('answers 404 for unknown paths and 405 with Allow for unsupported methods', async () => {
    expect(await send('GET', 'nothing/')).toMatchObject({
      status: 404,
      body: { detail: 'Not found.' },
    });
    expect((await send('GET', 'customer/abc/')).status).toBe(404);
    const patch = await send('PATCH', 'customer/1/', {});
    expect(patch).toMatchObject({ status: 405, body: { detail: 'Method "PATCH" not allowed.' } });
    expect(patch.headers.get('allow')).toBe('GET, PUT, DELETE');
    expect((await send('DELETE', 'customer/')).status).toBe(405);
    expect((await send('POST', 'country/', {})).status).toBe(405);
  });

  it('serves generated customers that the shared response schema accepts', async () => {
    const { revnueCustomerListSchema } = await import('../../src-shared/connectors/revnue-v2/api');
    const list = (await send('GET', 'customer/?company=1')).body;
    const parsed = revnueCustomerListSchema.parse(list);
    expect(parsed.length).toBeGreaterThan(10);
  });
});
