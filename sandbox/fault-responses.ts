// What an injected fault looks like on the wire, in the style of the API it hits: DRF `detail`
// for Revnue, `errors` for R2, OAuth's `error` for the token endpoint. 502/503 come as the HTML
// page of a proxy in front of the service, because that is what clients meet in real life.
import type { SandboxResponse } from './http/respond';

export function faultStatusResponse(path: string, status: 500 | 502 | 503): SandboxResponse {
  if (status !== 500) {
    const title = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
    return {
      status,
      body: `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
    };
  }
  if (path.startsWith('/api/')) return { status, body: { detail: 'A server error occurred.' } };
  if (path.startsWith('/r2/'))
    return { status, body: { errors: [{ field: '', message: 'Internal server error.' }] } };
  return { status, body: { error: 'server_error', error_description: 'Internal server error.' } };
}

export function faultThrottleResponse(path: string, seconds: number): SandboxResponse {
  const headers = { 'retry-after': String(seconds) };
  if (path.startsWith('/api/')) {
    return {
      status: 429,
      headers,
      body: { detail: `Request was throttled. Expected available in ${seconds} seconds.` },
    };
  }
  if (path.startsWith('/r2/')) {
    return {
      status: 429,
      headers,
      body: {
        errors: [{ field: '', message: `Too many requests. Try again in ${seconds} seconds.` }],
      },
    };
  }
  return {
    status: 429,
    headers,
    body: { error: 'slow_down', error_description: 'Too many requests.' },
  };
}
