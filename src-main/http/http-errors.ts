// Turns what went wrong on the wire into the contract's error kinds (src-shared/ipc/result.ts),
// with messages a salesperson can act on. Each connector brings the parser of its error bodies.
import { isNetworkError, isTimeoutError } from 'ky';
import type { AppError } from '../../src-shared/ipc/result';

export interface ParsedErrorBody {
  message?: string;
  /** Per-field messages keyed by field path, e.g. `contact_person.email`. */
  fields?: Record<string, string[]>;
}

/** Reads one API's error body (already JSON-parsed, or the raw text when it was not JSON). */
export type ErrorBodyParser = (body: unknown) => ParsedErrorBody;

/**
 * The parsed body from what a connector's parser collected: general messages win the headline;
 * without one, the first field's messages do, so the person always reads something concrete.
 */
export function errorBodyFrom(
  general: string[],
  fields: Record<string, string[]>,
): ParsedErrorBody {
  const first = Object.entries(fields)[0];
  const message =
    general.length > 0
      ? general.join(' ')
      : first
        ? `${first[0]}: ${first[1].join(' ')}`
        : undefined;
  return {
    ...(message ? { message } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

const writeUnknownOutcome =
  'The server may or may not have saved it; Fieldbook checks before sending it again.';

export function errorFromStatus(
  status: number,
  parsed: ParsedErrorBody,
  retryAfterMs?: number,
): AppError {
  const base = { status, ...(parsed.fields ? { fields: parsed.fields } : {}) };
  const detail = parsed.message ? ` (${parsed.message})` : '';
  if (status === 400 || status === 422) {
    return {
      kind: 'validation',
      message: parsed.message ?? 'The server did not accept some fields. Check the marked fields.',
      ...base,
    };
  }
  if (status === 401) {
    return { kind: 'auth', message: `Your sign-in has expired. Sign in again.${detail}`, ...base };
  }
  if (status === 403) {
    return {
      kind: 'auth',
      message: `This account is not allowed to do that. Ask your administrator.${detail}`,
      ...base,
    };
  }
  if (status === 404) {
    return { kind: 'not_found', message: `The record no longer exists on the server.`, ...base };
  }
  if (status === 409 || status === 412) {
    return {
      kind: 'conflict',
      message: `Someone else changed this record at the same time.${detail}`,
      ...base,
    };
  }
  if (status === 429) {
    return {
      kind: 'rate_limited',
      message: 'The server asks us to slow down; Fieldbook will try again shortly.',
      ...base,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      message: `The server had a problem (error ${status}); Fieldbook will try again.`,
      ...base,
      // A 503's Retry-After tells the sync engine when trying again makes sense.
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  return {
    kind: 'bad_response',
    message: `The server answered in a way Fieldbook does not understand (status ${status})${detail}.`,
    ...base,
  };
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

/** ky wraps what a hook throws; find our own error anywhere in the cause chain. */
function causeNamed(error: unknown, name: string): Error | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current.name === name) return current;
    current = current.cause;
  }
  return undefined;
}

/** A request that produced no HTTP status at all: time-out, reset, refused, DNS, abort. */
export function errorFromThrown(error: unknown, method: HttpMethod, timeoutMs: number): AppError {
  const refused = causeNamed(error, 'InsecureDestinationError');
  if (refused) {
    // Refused before anything left this computer: the address is wrong, not the network.
    return { kind: 'validation', message: `${refused.message} Nothing was sent.` };
  }
  const suffix = method === 'GET' ? '' : ` ${writeUnknownOutcome}`;
  const timedOut =
    isTimeoutError(error) || (error instanceof Error && error.name === 'TimeoutError');
  if (timedOut) {
    return {
      kind: 'network',
      message: `The server did not answer within ${Math.round(timeoutMs / 1000)} seconds.${suffix}`,
    };
  }
  const code = causeCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { kind: 'network', message: `The server's address could not be found. Are you online?` };
  }
  if (code === 'ECONNREFUSED') {
    return { kind: 'network', message: 'The server refused the connection. Is it running?' };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { kind: 'network', message: `The request was cancelled.${suffix}` };
  }
  const known = isNetworkError(error) || error instanceof TypeError || code !== undefined;
  return {
    kind: 'network',
    message: known
      ? `The connection to the server was lost.${suffix}`
      : `The request failed unexpectedly.${suffix}`,
  };
}
