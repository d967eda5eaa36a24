// Request logging for main. Every line passes through redactSecrets first, so a token that ends up
// in a URL, a header dump or an error message never reaches a log file or the console.
import { redactSecrets } from '../secrets/redact';

export type LogSink = (line: string) => void;

export function createRedactingLog(sink: LogSink, prefix = ''): LogSink {
  return (line) => sink(redactSecrets(`${prefix}${line}`));
}
