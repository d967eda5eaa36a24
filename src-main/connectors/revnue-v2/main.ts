// The Revnue API v2 connector in main, as the one object the registry lists: its HTTP client's
// limit (our share of the account's) and error bodies, its connector, its `revnue.*` handlers
// and its pasted-token sign-in.
import type { MainConnector } from '../main-connector';
import { REVNUE_DEFAULT_SHARE_PER_MINUTE } from './endpoints';
import { parseRevnueErrorBody } from './error-body';
import { createRevnueHandlers } from './handlers';
import { createRevnueConnector, type RevnueConnector } from './revnue-connector';
import { revnueSignIn } from './sign-in';

export const revnueMain = {
  kind: 'revnue-v2',
  perMinute: (settings) => settings.revnuePerMinute ?? REVNUE_DEFAULT_SHARE_PER_MINUTE,
  parseErrorBody: parseRevnueErrorBody,
  create: createRevnueConnector,
  handlers: createRevnueHandlers,
  signIn: revnueSignIn,
} as const satisfies MainConnector<'revnue-v2', RevnueConnector>;
