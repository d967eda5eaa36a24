// Main's HTTP plumbing shared by every connector: the pacer, the ky-based client with its single
// retry layer, error mapping to the contract's Result kinds, and response parsing.
export { createPacer, type Pacer, type PacerOptions, type PacerSnapshot } from './pacer';
export {
  createHttpClient,
  DEFAULT_TIMEOUT_MS,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
} from './http-client';
export { errorFromStatus, errorFromThrown, type ErrorBodyParser } from './http-errors';
export type { ParsedErrorBody, HttpMethod } from './http-errors';
export type { TokenProvider } from './token-provider';
export { parseBody } from './parse-body';
export { idFromLocation } from './location';
export { parseRetryAfterMs } from './retry-after';
export { defaultGetBackoff, fullJitterDelayMs, type BackoffPolicy } from './backoff';
export { createRedactingLog, type LogSink } from './log';
