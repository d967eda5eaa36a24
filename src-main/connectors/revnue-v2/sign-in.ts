// Revnue signs in with an admin token pasted once: no OAuth, nothing to renew.
import type { SignInStrategy } from '../../auth/sign-in-strategy';
import type { ConnectionOf } from '../main-connector';

export const revnueSignIn: SignInStrategy<ConnectionOf<'revnue-v2'>> = {
  method: () => 'token',
  oauth: () => undefined,
  signedOutMessage: () =>
    'Paste your Revnue token to sync this connection. Your unsynced changes are kept.',
  endpointFields: [],
};
