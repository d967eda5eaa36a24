// The Unibiz R2 connector in main: Customers endpoints, the pagination/filter convention, the
// error-body parser and rate-limit defaults, on top of the shared plumbing in src-main/http.
export {
  createR2Connector,
  type R2Connector,
  type R2ListPage,
  type R2ListQuery,
  type R2NaturalKeyQuery,
  type R2ConnectorOptions,
} from './r2-connector';
export { parseR2ErrorBody } from './error-body';
export { r2Endpoints, r2Query, R2_MAX_PAGE_SIZE, R2_DEFAULT_LIMIT_PER_MINUTE } from './endpoints';
export { r2Main } from './main';
