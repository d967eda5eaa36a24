// The words the auth service uses when sync must wait for the user. Every one of them says that
// queued changes are kept, because losing work is what users fear most when asked to sign in.
import type { Connection } from '../../src-shared/connection';
import { fail, type Result } from '../../src-shared/ipc/result';
import { signInOf } from '../connectors/registry';
import { SecretStoreUnavailableError } from '../secrets/secret-store';

/** No token is kept: the connection's own sign-in says how to sign in again. */
export function signedOut(connection: Connection): Result<never> {
  return fail('auth', signInOf(connection).signedOutMessage(connection));
}

export const revnueTokenRejected = () =>
  fail(
    'auth',
    'Revnue no longer accepts the saved token. Paste a new token from your administrator. Your unsynced changes are kept.',
  );

/** A store that cannot work here explains itself; anything else is a keychain hiccup. */
export function keychainFailure(error: unknown): Result<never> {
  if (error instanceof SecretStoreUnavailableError) return fail('auth', error.message);
  return fail(
    'server',
    'Fieldbook could not use the system keychain where your sign-in is kept. Unlock the keychain (or log in again) and retry.',
  );
}

export const signInChangedMeanwhile = () =>
  fail(
    'auth',
    'The sign-in of this connection changed while Fieldbook was renewing it. Try again.',
  );

export function wrongSignInMethod(expected: 'browser' | 'service' | 'token'): Result<never> {
  const how = {
    browser: 'This connection signs in through the browser.',
    service: 'This connection signs in with a service account client secret.',
    token: 'This connection signs in with a token pasted from Revnue.',
  }[expected];
  return fail('validation', `${how} Use that sign-in for it.`);
}
