// A tiny R2 client for tests: JSON requests with a bearer token, parsed answers.
import type { Sandbox } from '../index';
import { jsonHeaders } from './sandbox-world';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export function r2Client(sandbox: () => Sandbox, token: () => string) {
  return async function send<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Answer<T>> {
    const response = await fetch(`${sandbox().r2.baseUrl}${path}`, {
      method,
      headers: jsonHeaders(token()),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  };
}
