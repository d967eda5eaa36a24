// R2 signs in with OAuth 2.0: in the browser (Authorization Code + PKCE) or as a service account
// (client credentials), with endpoints from the issuer's metadata or typed in.
import type { SignInStrategy } from '../../auth/sign-in-strategy';
import type { ConnectionOf } from '../main-connector';

export const r2SignIn: SignInStrategy<ConnectionOf<'r2'>> = {
  method: (connection) => (connection.auth.mode === 'pkce' ? 'browser' : 'service'),
  oauth: (connection) => connection.auth,
  signedOutMessage: (connection) =>
    connection.auth.mode === 'client_credentials'
      ? "Enter the service account's client secret to sync this connection. Your unsynced changes are kept."
      : 'Sign in to R2 to sync this connection. Your unsynced changes are kept.',
  endpointFields: ['issuer', 'authorizationEndpoint', 'tokenEndpoint'],
  checkSettings({ auth }, add) {
    if (auth.issuer !== undefined) return;
    if (auth.tokenEndpoint === undefined) {
      add('auth.issuer', 'Enter the sign-in server address, or its token endpoint');
    }
    if (auth.mode === 'pkce' && auth.authorizationEndpoint === undefined) {
      add('auth.issuer', 'Enter the sign-in server address, or its authorization endpoint');
    }
  },
};
