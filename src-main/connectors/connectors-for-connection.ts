// Builds the connector of one connection: its own ky client and ONE pacer shared by every request
// of that account, at the account's limit (Revnue: our share of the shared 100/min; R2: 600/min).
import type { Connection } from '../../src-shared/connection';
import { createHttpClient, type HttpClientOptions } from '../http/http-client';
import { createPacer, type Pacer } from '../http/pacer';
import type { TokenProvider } from '../http/token-provider';
import {
  createR2Connector,
  R2_DEFAULT_LIMIT_PER_MINUTE,
  parseR2ErrorBody,
  type R2Connector,
} from './r2';
import {
  createRevnueConnector,
  parseRevnueErrorBody,
  REVNUE_DEFAULT_SHARE_PER_MINUTE,
  type RevnueConnector,
} from './revnue-v2';

export interface ConnectorSettings {
  /** Requests per minute this app may use of a Revnue account's shared limit. */
  revnuePerMinute?: number;
  r2PerMinute?: number;
  /** The APIs' rate-limit window (one minute); tests shorten it together with the sandbox's. */
  rateIntervalMs?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Tests only: watch or fake the wire. */
  fetch?: typeof fetch;
}

export type ConnectionConnector =
  | { kind: 'revnue-v2'; connector: RevnueConnector; pacer: Pacer }
  | { kind: 'r2'; connector: R2Connector; pacer: Pacer };

export function connectorFor(
  connection: Connection,
  tokenProvider: TokenProvider,
  settings: ConnectorSettings = {},
): ConnectionConnector {
  const common: Omit<HttpClientOptions, 'pacer' | 'parseErrorBody'> = {
    baseUrl: connection.baseUrl,
    tokenProvider,
    ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
    log: (line) => settings.log?.(`[${connection.kind} ${connection.id}] ${line}`),
  };
  const interval = settings.rateIntervalMs ? { intervalMs: settings.rateIntervalMs } : {};
  if (connection.kind === 'revnue-v2') {
    const pacer = createPacer({
      limit: settings.revnuePerMinute ?? REVNUE_DEFAULT_SHARE_PER_MINUTE,
      ...interval,
    });
    const http = createHttpClient({ ...common, pacer, parseErrorBody: parseRevnueErrorBody });
    return { kind: 'revnue-v2', connector: createRevnueConnector(http), pacer };
  }
  const pacer = createPacer({
    limit: settings.r2PerMinute ?? R2_DEFAULT_LIMIT_PER_MINUTE,
    ...interval,
  });
  const http = createHttpClient({ ...common, pacer, parseErrorBody: parseR2ErrorBody });
  return { kind: 'r2', connector: createR2Connector(http), pacer };
}
