// Revnue has no token endpoint: an administrator issues a token and the user pastes it. Before we
// keep it, one cheap authenticated call (`GET company/`) proves Revnue accepts it — and its answer
// is the company list the new connection picks its company from (Settings).
import { z } from 'zod';
import { revnueCompanySchema, type RevnueCompany } from '../../src-shared/connectors/revnue-v2/api';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { FetchLike } from './oauth-server';
import { isAllowedApiUrl } from '../../src-shared/net/loopback';

/** Answers the account's companies when Revnue accepts the token. */
export type VerifyRevnueToken = (
  baseUrl: string,
  token: string,
) => Promise<Result<RevnueCompany[]>>;

const companiesSchema = z.array(revnueCompanySchema);

const VERIFY_TIMEOUT_MS = 20_000;

/** Trims what was pasted, drops a copied "Bearer " prefix, refuses what cannot be a token. */
export function cleanPastedToken(input: unknown): Result<string> {
  if (typeof input !== 'string' || input.trim() === '') {
    return fail('validation', 'Paste the token your Revnue administrator gave you.', {
      fields: { token: ['Paste the token your Revnue administrator gave you'] },
    });
  }
  const token = input.trim().replace(/^(Bearer|Token)\s+/i, '');
  if (/\s/.test(token) || !/^[\x21-\x7e]+$/.test(token)) {
    const message =
      'The token contains spaces, line breaks or unusual characters. Copy it again, exactly as given.';
    return fail('validation', message, { fields: { token: [message] } });
  }
  return ok(token);
}

export function createRevnueTokenVerifier(fetchImpl: FetchLike = fetch): VerifyRevnueToken {
  return async (baseUrl, token) => {
    const url = new URL('company/', baseUrl);
    if (!isAllowedApiUrl(url)) {
      return fail(
        'validation',
        'The address must start with https:// (plain http:// is allowed only for this computer, 127.0.0.1). Nothing was sent.',
      );
    }
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS),
      });
      if (response.ok) {
        const companies = companiesSchema.safeParse(await response.json());
        if (companies.success) return ok(companies.data);
        return fail(
          'bad_response',
          `Revnue at ${url.host} accepted the token but did not answer with a list of companies. Check the address of this connection.`,
        );
      }
      await response.body?.cancel();
    } catch {
      return fail(
        'network',
        `Fieldbook could not reach Revnue at ${url.host}. Check your internet connection and try again.`,
      );
    }
    if (response.status === 401 || response.status === 403) {
      return fail(
        'auth',
        'This token was not accepted by Revnue. Check that you copied the whole token, or ask your administrator for a new one. Nothing was saved.',
        { status: response.status },
      );
    }
    if (response.status === 429) {
      const seconds = Number(response.headers.get('Retry-After'));
      return fail('rate_limited', 'Revnue is busy right now. Try again in a minute.', {
        status: 429,
        ...(Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : {}),
      });
    }
    if (response.status === 404) {
      return fail(
        'validation',
        `Revnue has no API at ${url.origin}${new URL(baseUrl).pathname}. Check the address of this connection.`,
        {
          status: 404,
        },
      );
    }
    return fail(
      'server',
      `Revnue had a problem checking the token (HTTP ${response.status}). Try again later.`,
      {
        status: response.status,
      },
    );
  };
}
