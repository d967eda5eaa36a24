// Main's connectors: one per customer API (Revnue v2, Unibiz R2), each owning its endpoints, error
// bodies and rate-limit defaults; `connectorFor` builds the one a connection needs.
export {
  connectorFor,
  type ConnectionConnector,
  type ConnectorSettings,
} from './connectors-for-connection';
export * from './revnue-v2';
export * from './r2';
