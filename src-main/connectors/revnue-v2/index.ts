// The Revnue API v2 connector in main: HTTP endpoints, error-body parsing and rate-limit defaults
// for Revnue, on top of the shared plumbing in src-main/http.
export { createRevnueConnector, type RevnueConnector } from './revnue-connector';
export { parseRevnueErrorBody } from './error-body';
export {
  revnueEndpoints,
  REVNUE_ACCOUNT_LIMIT_PER_MINUTE,
  REVNUE_DEFAULT_SHARE_PER_MINUTE,
} from './endpoints';
export {
  customerListStream,
  type CustomerListStream,
  type CustomerPage,
} from './customer-list-stream';
export { revnueMain } from './main';
