// What one connector is in main (docs/architecture.md#adding-a-connector): how to build its HTTP
// client and connector, the IPC handlers of its part of the contract, and its sign-in strategy.
// Each src-main/connectors/<kind>/ exports one of these; registry.ts lists them.
import type { Connection, ConnectorKind } from '../../src-shared/connection';
import type { registeredConnectors } from '../../src-shared/connectors/registry';
import type { Handlers } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import type { AuthService } from '../auth/auth-service';
import type { SignInStrategy } from '../auth/sign-in-strategy';
import type { ListCursors } from '../cursors/list-cursors';
import type { HttpClient } from '../http/http-client';
import type { ErrorBodyParser } from '../http/http-errors';
import type { ConnectorSettings } from './connector-settings';

export type ConnectionOf<K extends ConnectorKind> = Extract<Connection, { kind: K }>;

/** The operations a kind's part of the IPC contract names (of every kind in a union). */
export type ChannelsOf<K extends ConnectorKind> = K extends unknown
  ? keyof Extract<(typeof registeredConnectors)[number], { kind: K }>['contract'] & keyof Handlers
  : never;

/** What a connector's handlers are given by main's services. */
export interface MainConnectorContext<K extends ConnectorKind, C> {
  /** Runs `task` with the connection's connector (one per connection), or answers why not. */
  using<T>(
    connectionId: string,
    task: (connector: C, connection: ConnectionOf<K>) => Promise<Result<T>>,
  ): Promise<Result<T>>;
  auth: AuthService;
  /** Long reads a window pages through; closed when the connection signs out or goes. */
  cursors: ListCursors<unknown>;
}

export interface MainConnector<K extends ConnectorKind, C> {
  readonly kind: K;
  /** Requests per minute one connection of this kind may send (its pacer's limit). */
  perMinute(settings: ConnectorSettings): number;
  readonly parseErrorBody: ErrorBodyParser;
  create(http: HttpClient): C;
  handlers(context: MainConnectorContext<K, C>): Pick<Handlers, ChannelsOf<K>>;
  readonly signIn: SignInStrategy<ConnectionOf<K>>;
}
