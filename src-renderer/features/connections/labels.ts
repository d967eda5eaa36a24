// Words the screen uses for a connection's kind and sign-in state, in one place so every
// feature (and the e2e page objects) say the same thing.
import type { AuthState, ConnectorKind } from '../../../src-shared/connection';

export const kindLabels: Record<ConnectorKind, string> = {
  'revnue-v2': 'Revnue API v2',
  r2: 'Unibiz R2',
};

export const authStateLabels: Record<AuthState, string> = {
  signed_in: 'Signed in',
  signing_in: 'Signing in…',
  signed_out: 'Signed out',
};
