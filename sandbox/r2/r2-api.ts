// Unibiz R2 under /r2/: OAuth bearer tokens checked against the authorization server, a
// per-account rate limit, then the Customers resource.
import type Provider from 'oidc-provider';
import type { ApiRequest } from '../http/api-request';
import type { SandboxResponse } from '../http/respond';
import { authenticateBearer } from '../oauth/bearer-auth';
import type { AccountRateLimiter } from '../rate-limit';
import { readCustomer, writeCustomer, type R2CustomerContext } from './customer-endpoints';
import { listCustomers } from './list-endpoint';
import { r2Error } from './r2-errors';

export const r2BasePath = '/r2/';

export interface R2Api extends R2CustomerContext {
  limiter: AccountRateLimiter;
  provider: () => Provider;
}

export async function handleR2(api: R2Api, request: ApiRequest): Promise<SandboxResponse> {
  const principal = await authenticateBearer(api.provider(), request.headers.authorization);
  if (!principal) {
    const challenge = request.headers.authorization ? 'Bearer error="invalid_token"' : 'Bearer';
    return r2Error(401, 'The access token is missing, invalid or expired. Sign in again.', '', {
      'www-authenticate': challenge,
    });
  }
  const decision = await api.limiter.consume(principal.account);
  if (!decision.allowed) {
    const seconds = decision.retryAfterSeconds;
    return r2Error(429, `Too many requests. Try again in ${seconds} seconds.`, '', {
      'retry-after': String(seconds),
    });
  }
  const { method, path } = request;
  if (/^customers\/?$/.test(path)) {
    if (method === 'GET') return listCustomers(api.state, request.query);
    if (method === 'POST') return writeCustomer(api, request, principal);
    return notAllowed(method, 'GET, POST');
  }
  const id = /^customers\/([^/]+)\/?$/.exec(path)?.[1];
  if (id !== undefined) {
    const recordId = decodeURIComponent(id);
    if (method === 'GET') return readCustomer(api, recordId);
    if (method === 'PUT' || method === 'PATCH')
      return writeCustomer(api, request, principal, recordId);
    return notAllowed(method, 'GET, PUT, PATCH');
  }
  return r2Error(404, `There is no resource at /r2/${path}.`);
}

function notAllowed(method: string, allow: string): SandboxResponse {
  return { ...r2Error(405, `${method} is not allowed here.`), headers: { allow } };
}
