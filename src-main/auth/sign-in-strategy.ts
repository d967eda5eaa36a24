// How a connection signs in, asked of its connector (src-main/connectors/<kind>/sign-in.ts) so the
// auth service never branches on the kind of API: which sign-in it uses, the OAuth settings its
// tokens are renewed with, and the words for "sign in again".
import type { Connection, R2AuthSettings } from '../../src-shared/connection';

/** The three ways a connection can sign in; `wrongSignInMethod` names each. */
export type SignInMethod = 'browser' | 'service' | 'token';

/** OAuth 2.0 settings (today R2's): endpoints from an issuer or typed in, a client id, a scope. */
export type OAuthSettings = R2AuthSettings;

export interface SignInStrategy<C extends Connection = Connection> {
  method(connection: C): SignInMethod;
  /** The OAuth settings of a connection whose tokens are got and renewed by OAuth; else none. */
  oauth(connection: C): OAuthSettings | undefined;
  /** What to do when no token is kept: always says that queued changes are kept. */
  signedOutMessage(connection: C): string;
  /** Sign-in addresses its settings may hold (each must be https, http only on loopback). */
  readonly endpointFields: readonly string[];
  /**
   * The checks the shared schema leaves open, on valid settings: `add(field, message)` for each
   * problem (R2: an issuer, or the endpoints typed in).
   */
  checkSettings?(
    connection: Omit<C, 'id' | 'createdAt'>,
    add: (field: string, message: string) => void,
  ): void;
}
