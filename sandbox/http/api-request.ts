// What an API handler sees of a request: already-parsed URL parts and a lazy JSON body reader, so
// handlers stay plain functions returning a SandboxResponse (easy to test, easy to "lose").
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { readJson } from './read-body';

export interface ApiRequest {
  method: string;
  /** Path below the API's base, e.g. "customer/12/" for /api/v2/customer/12/. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  readJson(): Promise<unknown>;
}

export function apiRequest(req: IncomingMessage, url: URL, basePath: string): ApiRequest {
  return {
    method: req.method ?? 'GET',
    path: url.pathname.slice(basePath.length),
    query: url.searchParams,
    headers: req.headers,
    readJson: () => readJson(req),
  };
}
