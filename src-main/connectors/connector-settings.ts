// Pacing, time-outs and test seams for main's connectors; each connector reads its own limit.
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
