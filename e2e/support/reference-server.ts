// What the reference sandbox serves, read over its HTTP APIs with its own credentials — the
// numbers and records a spec compares the app's screens with.
import type { Sandbox } from '../../sandbox/index';
import {
  revnuePutBodyFromRecord,
  revnueRecordFromResponse,
  type RevnueCountry,
  type RevnueCustomerResponse,
  type RevnueCustomFieldTemplate,
} from '../../src-shared/connectors/revnue-v2/api';
import { applyChanges } from '../../src-shared/sync/apply';

export interface RevnueCustomer {
  id: number;
  name: string;
  city?: string;
  phone?: string;
  contact_person?: { name?: string; email?: string } | null;
  [field: string]: unknown;
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const revnueHeaders = (sandbox: Sandbox) => ({
  authorization: `Bearer ${sandbox.revnue.token}`,
  'content-type': 'application/json',
});

/** Every Revnue customer of the connection's company (what the app's list shows). */
export async function revnueCustomers(sandbox: Sandbox): Promise<RevnueCustomer[]> {
  const { baseUrl, company } = sandbox.revnue;
  const url = new URL(`customer/?company=${company}`, baseUrl);
  return json(await fetch(url, { headers: revnueHeaders(sandbox) }), 'list Revnue customers');
}

export async function revnueCustomer(sandbox: Sandbox, id: number): Promise<RevnueCustomer> {
  const url = new URL(`customer/${id}/`, sandbox.revnue.baseUrl);
  return json(await fetch(url, { headers: revnueHeaders(sandbox) }), `get Revnue customer ${id}`);
}

/** A colleague's edit on the server: Revnue has no PATCH, so GET, change, PUT the whole record
 * (mapped both ways by the app's own Revnue mapping, as e2e/sync-faults' colleague does). */
export async function editRevnueCustomer(
  sandbox: Sandbox,
  id: number,
  changes: Record<string, unknown>,
): Promise<void> {
  const { baseUrl, company } = sandbox.revnue;
  const headers = revnueHeaders(sandbox);
  const get = async <T>(path: string) =>
    json<T>(await fetch(new URL(path, baseUrl), { headers }), `GET ${path}`);
  const response = await get<RevnueCustomerResponse>(`customer/${id}/`);
  const record = revnueRecordFromResponse(response, {
    countries: await get<RevnueCountry[]>('country/'),
    templates: await get<RevnueCustomFieldTemplate[]>(`custom_field_template/?company=${company}`),
    company,
  });
  const edits = Object.entries(changes).map(([path, value]) => ({ path, value }));
  const body = revnuePutBodyFromRecord(applyChanges(record, edits), record);
  const url = new URL(`customer/${id}/`, baseUrl);
  await json(
    await fetch(url, { method: 'PUT', headers, body: JSON.stringify(body) }),
    `PUT customer/${id}/`,
  );
}

/** A customer a colleague creates on the server. */
export async function createRevnueCustomer(
  sandbox: Sandbox,
  fields: { name: string; city?: string },
): Promise<RevnueCustomer> {
  const url = new URL('customer/', sandbox.revnue.baseUrl);
  const body = JSON.stringify({ company: sandbox.revnue.company, ...fields });
  const init = { method: 'POST', headers: revnueHeaders(sandbox), body };
  return json(await fetch(url, init), 'create Revnue customer');
}

/** R2's list leaves out the records saved as "Created in CRM". */
export function r2ListedCount(sandbox: Sandbox): number {
  const { counts } = sandbox.state();
  return counts.r2Customers - counts.r2HiddenFromList;
}

/** A service client's access token (client-credentials grant), as any other R2 program gets one. */
async function r2Token(sandbox: Sandbox): Promise<string> {
  const { serviceClientId, serviceClientSecret, issuer } = sandbox.r2;
  const basic = Buffer.from(
    `${encodeURIComponent(serviceClientId)}:${encodeURIComponent(serviceClientSecret)}`,
  ).toString('base64');
  const response = await fetch(new URL('/oauth/token', issuer), {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'customers' }),
  });
  return (await json<{ access_token: string }>(response, 'R2 service token')).access_token;
}

export async function r2Customer(sandbox: Sandbox, id: string): Promise<Record<string, unknown>> {
  const url = new URL(`customers/${id}`, sandbox.r2.baseUrl);
  const headers = { authorization: `Bearer ${await r2Token(sandbox)}` };
  return json(await fetch(url, { headers }), `get R2 customer ${id}`);
}

/** R2's list rows whose company name is exactly this (the list's equality filter). */
export async function r2CustomersNamed(
  sandbox: Sandbox,
  companyname: string,
): Promise<Record<string, unknown>[]> {
  const url = new URL('customers', sandbox.r2.baseUrl);
  url.searchParams.set('companyname', companyname);
  const headers = { authorization: `Bearer ${await r2Token(sandbox)}` };
  return json(await fetch(url, { headers }), 'list R2 customers');
}

/** A colleague's edit of an R2 customer on the server: PATCH with just these fields. */
export async function patchR2Customer(
  sandbox: Sandbox,
  id: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const url = new URL(`customers/${id}`, sandbox.r2.baseUrl);
  const headers = {
    authorization: `Bearer ${await r2Token(sandbox)}`,
    'content-type': 'application/json',
  };
  const init = { method: 'PATCH', headers, body: JSON.stringify(fields) };
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`patch R2 customer ${id}: HTTP ${response.status}`);
}
