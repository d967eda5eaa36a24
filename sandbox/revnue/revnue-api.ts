// Revnue API v2 under /api/v2/: static admin bearer tokens, one rate limit per account shared by
// all its tokens, then the customer resource and the lookups, answered DRF-style.
import type { ApiRequest } from '../http/api-request';
import { json, type SandboxResponse } from '../http/respond';
import type { AccountRateLimiter } from '../rate-limit';
import {
  companyParameter,
  createCustomer,
  deleteCustomer,
  listCustomers,
  readCustomer,
  updateCustomer,
  type CustomerContext,
} from './customer-endpoints';
import { detail } from './drf-errors';

export const revnueBasePath = '/api/v2/';
const account = 'revnue-demo';

export interface RevnueApi extends CustomerContext {
  limiter: AccountRateLimiter;
}

export async function handleRevnue(api: RevnueApi, request: ApiRequest): Promise<SandboxResponse> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return unauthorized('Authentication credentials were not provided.');
  if (!api.state.tokens.includes(match[1] ?? '')) return unauthorized('Invalid token.');

  const decision = await api.limiter.consume(account);
  if (!decision.allowed) {
    const seconds = decision.retryAfterSeconds;
    return detail(429, `Request was throttled. Expected available in ${seconds} seconds.`, {
      'retry-after': String(seconds),
    });
  }
  return route(api, request);
}

function route(api: RevnueApi, request: ApiRequest): SandboxResponse | Promise<SandboxResponse> {
  const { method, path } = request;
  const { lookups } = api.state;
  if (/^customer\/?$/.test(path)) {
    if (method === 'GET') return listCustomers(api, request);
    if (method === 'POST') return createCustomer(api, request);
    return notAllowed(method, 'GET, POST');
  }
  const one = /^customer\/([^/]+)\/?$/.exec(path);
  if (one) {
    const id = /^\d+$/.test(one[1] ?? '') ? Number(one[1]) : NaN;
    if (!Number.isSafeInteger(id)) return detail(404, 'Not found.');
    if (method === 'GET') return readCustomer(api, id);
    if (method === 'PUT') return updateCustomer(api, request, id);
    if (method === 'DELETE') return deleteCustomer(api, id);
    return notAllowed(method, 'GET, PUT, DELETE');
  }
  const lookup = /^(company|category|country|custom_field_template)\/?$/.exec(path)?.[1];
  if (lookup) {
    if (method !== 'GET') return notAllowed(method, 'GET');
    if (lookup === 'company') return json(200, lookups.companies);
    if (lookup === 'country') return json(200, lookups.countries);
    const company = companyParameter(api.state, request.query);
    if (typeof company !== 'number') return company;
    const rows = lookup === 'category' ? lookups.categories : lookups.templates;
    return json(
      200,
      rows.filter((row) => row.company === company).map(({ company: _company, ...row }) => row),
    );
  }
  return detail(404, 'Not found.');
}

function unauthorized(message: string): SandboxResponse {
  return detail(401, message, { 'www-authenticate': 'Bearer realm="api"' });
}

function notAllowed(method: string, allow: string): SandboxResponse {
  return detail(405, `Method "${method}" not allowed.`, { allow });
}
