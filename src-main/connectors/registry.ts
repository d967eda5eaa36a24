// Main's connectors, one line each (docs/architecture.md#adding-a-connector): the same kinds as
// src-shared/connectors/registry.ts, each with its client builder, handlers and sign-in strategy.
import type { Connection, ConnectorKind } from '../../src-shared/connection';
import type { SignInStrategy } from '../auth/sign-in-strategy';
import { r2Main } from './r2/main';
import { revnueMain } from './revnue-v2/main';

export const mainConnectors = [revnueMain, r2Main] as const;

type MainOf<K extends ConnectorKind> = Extract<(typeof mainConnectors)[number], { kind: K }>;
/** The connector object (its HTTP operations) a connection of kind K gets. */
export type ConnectorOf<K extends ConnectorKind> = ReturnType<MainOf<K>['create']>;

export function mainConnectorFor<K extends ConnectorKind>(kind: K): MainOf<K> {
  const found = mainConnectors.find((main) => main.kind === kind);
  if (!found) throw new Error(`No connector is registered in main for ${kind}`);
  return found as MainOf<K>;
}

/** The sign-in strategy of a connection, whatever its kind. */
export function signInOf(connection: Connection): SignInStrategy {
  // Each strategy takes its own kind's connections, and this one is of that kind.
  return mainConnectorFor(connection.kind).signIn as SignInStrategy;
}
