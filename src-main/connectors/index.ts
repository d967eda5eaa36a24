// Main's connectors: one folder per customer API (Revnue v2, Unibiz R2), each exporting one object
// (registry.ts lists them) that owns its endpoints, error bodies, rate-limit defaults, handlers and
// sign-in strategy; `connectorFor` builds the one a connection needs.
export {
  connectorFor,
  type ConnectionConnector,
  type ConnectorSettings,
} from './connectors-for-connection';
export * from './revnue-v2';
export * from './r2';
export { mainConnectorFor, mainConnectors, signInOf, type ConnectorOf } from './registry';
