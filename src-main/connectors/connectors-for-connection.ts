// Builds the connector of one connection: its own ky client and ONE pacer shared by every request
// of that account, at the account's limit (each connector's `perMinute`: Revnue our share of the
// shared 100/min, R2 600/min).
import type { Connection, ConnectorKind } from '../../src-shared/connection';
import { createHttpClient } from '../http/http-client';
import { createPacer, type Pacer } from '../http/pacer';
import type { TokenProvider } from '../http/token-provider';
import type { ConnectorSettings } from './connector-settings';
import { mainConnectorFor, type ConnectorOf } from './registry';

export type { ConnectorSettings } from './connector-settings';

/** A built connector with its kind, so callers holding any connection can narrow it. */
export type ConnectionConnector = {
  [K in ConnectorKind]: { kind: K; connector: ConnectorOf<K>; pacer: Pacer };
}[ConnectorKind];

export function connectorFor(
  connection: Connection,
  tokenProvider: TokenProvider,
  settings: ConnectorSettings = {},
): ConnectionConnector {
  const main = mainConnectorFor(connection.kind);
  const pacer = createPacer({
    limit: main.perMinute(settings),
    ...(settings.rateIntervalMs ? { intervalMs: settings.rateIntervalMs } : {}),
  });
  const http = createHttpClient({
    baseUrl: connection.baseUrl,
    tokenProvider,
    ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
    log: (line) => settings.log?.(`[${connection.kind} ${connection.id}] ${line}`),
    pacer,
    parseErrorBody: main.parseErrorBody,
  });
  return { kind: connection.kind, connector: main.create(http), pacer } as ConnectionConnector;
}
