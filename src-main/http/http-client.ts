// The one place requests go out: pacer → bearer token → ky → Result. Main's retries live here and
// only here, decided by the shared retry policy (src-shared/sync/retry-policy.ts): GETs retry
// 5xx/network/429 with full-jitter backoff (bounded); writes never retry.
import ky, { type KyInstance } from 'ky';
import type { AppError, Result } from '../../src-shared/ipc/result';
import { ok } from '../../src-shared/ipc/result';
import { systemClock, type Clock } from '../../src-shared/time/clock';
import {
  getRetryDelayMs,
  retryPolicy,
  type AttemptLimit,
} from '../../src-shared/sync/retry-policy';
import {
  errorFromStatus,
  errorFromThrown,
  type ErrorBodyParser,
  type HttpMethod,
} from './http-errors';
import type { Pacer } from './pacer';
import { parseRetryAfterMs } from './retry-after';
import type { TokenProvider } from './token-provider';
import { isAllowedApiUrl } from '../../src-shared/net/loopback';
import { HttpBodyStream } from './http-body-stream';

export interface HttpClientOptions {
  /** The API's base URL; request paths are relative to it (e.g. `customer/`). */
  baseUrl: string;
  tokenProvider: TokenProvider;
  pacer: Pacer;
  parseErrorBody: ErrorBodyParser;
  /** Per-attempt limit for the response headers and again for the body. */
  timeoutMs?: number;
  /** GET retries inside one call (default: the shared retry policy's). */
  getBackoff?: AttemptLimit;
  clock?: Clock;
  random?: () => number;
  /** Receives one line per finished request; the caller redacts (see ./log). */
  log?: (line: string) => void;
  /** For tests that watch the wire; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface HttpRequest {
  method: HttpMethod;
  path: string;
  searchParams?: Record<string, string | number>;
  json?: unknown;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The final request URL, to resolve relative headers such as `Location` against. */
  url: string;
  /** The parsed JSON body, or undefined for an empty body. */
  body: unknown;
}

/** A success whose JSON body has not been read yet: the caller reads it as fast as it wants. */
export interface HttpStreamResponse extends Omit<HttpResponse, 'body'> {
  body: HttpBodyStream;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<Result<HttpResponse>>;
  /**
   * Like `request` (same pacing, sign-in and retries until a success arrives), but a success's
   * body is left on the wire for the caller to read piece by piece. For GETs of lists too big to
   * hold: the server is read only as fast as the caller asks, so memory stays flat.
   */
  requestStream(request: HttpRequest): Promise<Result<HttpStreamResponse>>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Thrown before sending when an address is neither https nor this computer. */
export class InsecureDestinationError extends Error {
  override name = 'InsecureDestinationError';
  constructor(url: string) {
    super(`Refused to send a request to ${new URL(url).origin}: only https:// is allowed there.`);
  }
}

type Attempt =
  | { type: 'response'; response: HttpResponse; text: string; stream?: HttpBodyStream }
  | { type: 'thrown'; error: unknown };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const backoff = options.getBackoff ?? retryPolicy.get;
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});

  const api: KyInstance = ky.create({
    prefix: options.baseUrl,
    retry: 0,
    throwHttpErrors: false,
    // Never follow a redirect: fetch would replay the request (a POST's customer body included)
    // to wherever the server points, and answer as if the connection's API had. See offAddress.
    redirect: 'manual',
    timeout: timeoutMs,
    headers: { accept: 'application/json' },
    hooks: {
      beforeRequest: [
        ({ request, options: requestOptions }) => {
          const token = requestOptions.context['token'];
          // Second guard behind the connection schema: a token never travels in plain http
          // to another computer, whatever address a connection ends up with.
          if (!isAllowedApiUrl(request.url)) throw new InsecureDestinationError(request.url);
          if (typeof token === 'string') request.headers.set('authorization', `Bearer ${token}`);
        },
      ],
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function attempt(request: HttpRequest, token: string, streamed: boolean): Promise<Attempt> {
    // ky's timeout covers the headers; this one also bounds reading a body that stalls. A body
    // read piece by piece may rightly take longer in all: each of its reads has its own limit.
    const cancel = new AbortController();
    const bodyDeadline = streamed ? cancel.signal : AbortSignal.timeout(timeoutMs * 2);
    const signal = request.signal ? AbortSignal.any([request.signal, bodyDeadline]) : bodyDeadline;
    try {
      const response = await api(request.path, {
        method: request.method,
        context: { token },
        signal,
        ...(request.searchParams ? { searchParams: request.searchParams } : {}),
        ...(request.json !== undefined ? { json: request.json } : {}),
      });
      if (streamed && response.ok && response.body) {
        const head = { status: response.status, headers: response.headers, url: response.url };
        return {
          type: 'response',
          text: '',
          response: { ...head, body: undefined },
          stream: new HttpBodyStream(response.body, cancel, timeoutMs, clock),
        };
      }
      const text = await response.text();
      let body: unknown = undefined;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      return {
        type: 'response',
        text,
        response: { status: response.status, headers: response.headers, url: response.url, body },
      };
    } catch (error) {
      return { type: 'thrown', error };
    }
  }

  async function request(request: HttpRequest): Promise<Result<HttpResponse>> {
    const sent = await send(request, false);
    return sent.ok ? ok(sent.value.response) : sent;
  }

  async function requestStream(request: HttpRequest): Promise<Result<HttpStreamResponse>> {
    const sent = await send(request, true);
    if (!sent.ok) return sent;
    const { response, stream } = sent.value;
    if (stream)
      return ok({
        status: response.status,
        headers: response.headers,
        url: response.url,
        body: stream,
      });
    // A success without a body (204): an empty list of bytes, read like any other.
    return ok({ ...response, body: HttpBodyStream.empty(timeoutMs, clock) });
  }

  async function send(
    request: HttpRequest,
    streamed: boolean,
  ): Promise<Result<{ response: HttpResponse; stream?: HttpBodyStream }>> {
    const retriable = request.method === 'GET';
    let refreshed = false;
    let retries = 0;
    const describe = `${request.method} ${request.path}`;

    for (;;) {
      await options.pacer.acquire(request.signal);
      const token = await options.tokenProvider.accessToken();
      if (!token.ok) return token;
      // A 429 may have paused the account while we waited for the token: queue up again.
      if (clock.now() < options.pacer.snapshot().pausedUntil) continue;

      const started = clock.now();
      const outcome = await attempt(request, token.value, streamed);
      const took = clock.now() - started;

      if (outcome.type === 'thrown') {
        const error = errorFromThrown(outcome.error, request.method, timeoutMs);
        log(`${describe} failed after ${took} ms: ${error.message}`);
        const delayMs =
          retriable && !request.signal?.aborted
            ? getRetryDelayMs({ kind: 'thrown' }, retries, random, backoff)
            : null;
        if (delayMs !== null) {
          await clock.sleep(delayMs, request.signal);
          retries += 1;
          continue;
        }
        return { ok: false, error };
      }

      const { response, text, stream } = outcome;
      log(`${describe} → ${response.status} in ${took} ms`);

      if (response.status === 401 && !refreshed) {
        refreshed = true;
        const fresh = await options.tokenProvider.refreshAfterUnauthorized(token.value);
        if (!fresh.ok) return fresh;
        continue;
      }
      if (response.status === 429) {
        const asked = parseRetryAfterMs(response.headers.get('retry-after'), clock.now(), text);
        const waitMs = options.pacer.onRateLimited(asked);
        // A short wait is taken by queueing at the pacer again, which holds every request back
        // until Retry-After has passed; a long one goes back to the caller, which can schedule.
        if (
          retriable &&
          getRetryDelayMs({ kind: 'rate_limited', waitMs }, retries, random, backoff) !== null
        ) {
          retries += 1;
          continue;
        }
        return {
          ok: false,
          error: errorFromStatus(429, options.parseErrorBody(response.body), waitMs),
        };
      }
      options.pacer.onSuccess();
      const unusable = offAddress(response) ?? notJson(response, text, stream !== undefined);
      if (unusable) {
        stream?.cancel();
        return { ok: false, error: unusable };
      }
      if (response.status >= 200 && response.status < 300) {
        return ok(stream ? { response, stream } : { response });
      }
      // A 503 may say how long the server expects to be down: retrying sooner only adds load.
      const retryAfterMs =
        response.status === 503
          ? parseRetryAfterMs(response.headers.get('retry-after'), clock.now())
          : undefined;
      const serverFailure = retryAfterMs === undefined ? {} : { retryAfterMs };
      const delayMs =
        response.status >= 500 && retriable
          ? getRetryDelayMs({ kind: 'server', ...serverFailure }, retries, random, backoff)
          : null;
      if (delayMs !== null) {
        await clock.sleep(delayMs, request.signal);
        retries += 1;
        continue;
      }
      return {
        ok: false,
        error: errorFromStatus(
          response.status,
          options.parseErrorBody(response.body),
          retryAfterMs,
        ),
      };
    }
  }

  return { request, requestStream };
}

/** A 3xx: the API moved or something in between (a captive portal, a proxy) answers for it. */
function offAddress(response: HttpResponse): AppError | undefined {
  if (response.status < 300 || response.status >= 400) return undefined;
  let where = 'another address';
  try {
    where = new URL(response.headers.get('location') ?? '', response.url).origin;
  } catch {
    // An unreadable Location says as much as none.
  }
  return {
    kind: 'bad_response',
    status: response.status,
    message:
      `The server sent Fieldbook to ${where} instead of answering. Fieldbook talks only to the ` +
      `connection's own address; check it in the connection settings. Nothing was sent there.`,
  };
}

/** A success whose body is not JSON (an HTML sign-in page of a proxy, say) is not an answer. */
function notJson(response: HttpResponse, text: string, streamed: boolean): AppError | undefined {
  if (response.status < 200 || response.status >= 300) return undefined;
  if (!streamed && text.trim() === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) return undefined;
  return {
    kind: 'bad_response',
    status: response.status,
    message: `The server answered with ${type.split(';')[0] || 'an unnamed type'} instead of JSON, which Fieldbook does not understand.`,
  };
}
