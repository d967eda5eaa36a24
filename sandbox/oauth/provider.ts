// The R2 authorization server: oidc-provider (OpenID-certified) configured as a plain OAuth 2.0
// server — authorization code + PKCE S256 for the desktop app's public native client (loopback
// redirect on any port, RFC 8252 §7.3), refresh-token rotation with family revocation on reuse
// (built into oidc-provider's refresh_token grant), and client credentials for a service client.
import Provider, { type Configuration } from 'oidc-provider';
import { demoUser, publicClientId, serviceClientId } from '../options';
import type { OAuthStore } from './oauth-store';

export interface ProviderSecrets {
  cookieKeys: string[];
  /** RSA private JWK that signs ID tokens (only issued when `openid` is requested). */
  signingKey: Record<string, unknown>;
  serviceClientSecret: string;
}

export interface ProviderSettings {
  issuer: string;
  store: OAuthStore;
  secrets: ProviderSecrets;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** Paths the desktop app may use for its loopback redirect; the port is free (RFC 8252 §7.3). */
export const loopbackRedirectUris = ['127.0.0.1', 'localhost', '[::1]'].flatMap((host) =>
  ['/callback', '/oauth/callback', '/'].map((path) => `http://${host}${path}`),
);

export const oauthRoutes = {
  authorization: '/oauth/authorize',
  token: '/oauth/token',
  jwks: '/oauth/jwks',
  revocation: '/oauth/revoke',
  introspection: '/oauth/introspect',
  userinfo: '/oauth/userinfo',
  end_session: '/oauth/logout',
} as const;

export function createProvider(settings: ProviderSettings): Provider {
  const { accessTokenTtlSeconds: accessTtl, refreshTokenTtlSeconds: refreshTtl } = settings;
  const configuration: Configuration = {
    adapter: settings.store.adapterFactory,
    clients: [
      {
        client_id: publicClientId,
        client_name: 'Fieldbook desktop',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: loopbackRedirectUris,
      },
      {
        client_id: serviceClientId,
        client_name: 'Fieldbook service account',
        client_secret: settings.secrets.serviceClientSecret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: 'customers',
      },
    ],
    scopes: ['openid', 'offline_access', 'customers'],
    // Plain OAuth 2.0 code flow only: no implicit or hybrid response types in the metadata.
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
    },
    // A desktop app keeps its session in the keychain, not in a browser cookie: every
    // authorization-code grant gets a refresh token that outlives the login session.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: async () => false,
    rotateRefreshToken: true,
    ttl: {
      AccessToken: accessTtl,
      ClientCredentials: accessTtl,
      RefreshToken: refreshTtl,
      Grant: refreshTtl,
      AuthorizationCode: 120,
      IdToken: accessTtl,
      Interaction: 1800,
      Session: refreshTtl,
    },
    findAccount: async (_ctx, sub) =>
      sub === demoUser.accountId
        ? { accountId: sub, claims: () => ({ sub, name: demoUser.name }) }
        : undefined,
    interactions: { url: (_ctx, interaction) => `/oauth/interaction/${interaction.uid}` },
    routes: oauthRoutes,
    // A plain page the user can act on, instead of the library's developer-oriented one.
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(String(out.error), String(out.error_description ?? ''));
    },
    cookies: { keys: settings.secrets.cookieKeys },
    jwks: { keys: [settings.secrets.signingKey] },
    // The sandbox speaks plain HTTP on loopback only; there is no TLS to enforce.
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
  };
  return new Provider(settings.issuer, configuration);
}

function errorPage(error: string, description: string): string {
  const safe = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in problem</title></head>
<body><h1>Sign-in did not work</h1><p>${safe(description || error)}</p>
<p>Go back to Fieldbook and start the sign-in again.</p><p><small>${safe(error)}</small></p></body></html>`;
}
