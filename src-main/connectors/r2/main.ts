// The Unibiz R2 connector in main, as the one object the registry lists: its HTTP client's
// limit and error bodies, its connector, its `r2.*` handlers and its OAuth sign-in.
import type { MainConnector } from '../main-connector';
import { R2_DEFAULT_LIMIT_PER_MINUTE } from './endpoints';
import { parseR2ErrorBody } from './error-body';
import { createR2Handlers } from './handlers';
import { createR2Connector, type R2Connector } from './r2-connector';
import { r2SignIn } from './sign-in';

export const r2Main = {
  kind: 'r2',
  perMinute: (settings) => settings.r2PerMinute ?? R2_DEFAULT_LIMIT_PER_MINUTE,
  parseErrorBody: parseR2ErrorBody,
  create: createR2Connector,
  handlers: createR2Handlers,
  signIn: r2SignIn,
} as const satisfies MainConnector<'r2', R2Connector>;
