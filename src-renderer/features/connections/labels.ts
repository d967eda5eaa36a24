// Words the screen uses for a connection's kind and sign-in state, in one place so every
// feature (and the e2e page objects) say the same thing.
import type { AuthState, ConnectorKind } from '../../../src-shared/connection';
import { registeredConnectors } from '../../../src-shared/connectors/registry';

/** Each kind by its API's name (the descriptor's words: "Revnue API v2", "Unibiz R2"). */
export const kindLabels = Object.fromEntries(
  registeredConnectors.map((c) => [c.kind, c.descriptor.wording.apiName]),
) as Record<ConnectorKind, string>;

export const authStateLabels: Record<AuthState, string> = {
  signed_in: 'Signed in',
  signing_in: 'Signing in…',
  signed_out: 'Signed out',
};
