// How a connection signs in again, from its auth settings (not from its API): the browser for
// Authorization Code + PKCE, a pasted token or a client secret otherwise — those need Settings.
import type { ConnectionView } from '../../../src-shared/connection';

export type SignInMethod = 'browser' | 'token' | 'client_secret';

export function signInMethodOf(connection: ConnectionView): SignInMethod {
  const mode = connection.auth.mode;
  switch (mode) {
    case 'pkce':
      return 'browser';
    case 'admin_token':
      return 'token';
    case 'client_credentials':
      return 'client_secret';
  }
}
