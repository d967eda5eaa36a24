// The token set kept per connection in the SecretStore, as one JSON secret. Client-credentials
// connections keep their client secret too, because they have no refresh token to renew with.
import { z } from 'zod';

const expiry = {
  /** Epoch ms when the access token stops working; absent when the server did not say. */
  expiresAt: z.number().optional(),
  /** Epoch ms when it was obtained, to size the early-refresh margin. */
  obtainedAt: z.number(),
};

export const tokenSetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('revnue_token'), accessToken: z.string().min(1) }),
  z.object({
    kind: z.literal('oauth_pkce'),
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1).optional(),
    ...expiry,
  }),
  z.object({
    kind: z.literal('oauth_client_credentials'),
    accessToken: z.string().min(1),
    clientSecret: z.string().min(1),
    ...expiry,
  }),
]);
export type TokenSet = z.infer<typeof tokenSetSchema>;

/** Refresh this long before expiry, but never more than a quarter of the token's lifetime. */
const EARLY_REFRESH_MS = 30_000;

export function needsRenewal(tokens: TokenSet, now: number): boolean {
  if (tokens.kind === 'revnue_token' || tokens.expiresAt === undefined) return false;
  const lifetime = tokens.expiresAt - tokens.obtainedAt;
  const margin = Math.min(EARLY_REFRESH_MS, Math.max(0, lifetime / 4));
  return now >= tokens.expiresAt - margin;
}

export function parseTokenSet(secret: string | null): TokenSet | null {
  if (secret === null) return null;
  try {
    const parsed = tokenSetSchema.safeParse(JSON.parse(secret));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function secretsOf(tokens: TokenSet): string[] {
  const values = [tokens.accessToken];
  if (tokens.kind === 'oauth_pkce' && tokens.refreshToken) values.push(tokens.refreshToken);
  if (tokens.kind === 'oauth_client_credentials') values.push(tokens.clientSecret);
  return values;
}
