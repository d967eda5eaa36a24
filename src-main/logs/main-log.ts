// Main's one log: every line redacted, then to stderr and — once the profile's folder is known —
// to the rotating log file. Lines written before that (start-up) are kept and written first.
import { createRedactingLog, type LogSink } from '../http/log';
import type { RotatingLog } from './rotating-log';

const maxEarlyLines = 500;

export interface MainLog {
  log: LogSink;
  /** From now on lines also go to `file`; the ones before are written to it first. */
  attach(file: Pick<RotatingLog, 'write'>): void;
}

export function createMainLog(console: LogSink): MainLog {
  let file: Pick<RotatingLog, 'write'> | undefined;
  const early: string[] = [];
  return {
    log: createRedactingLog((line) => {
      console(line);
      if (file) file.write(line);
      else if (early.length < maxEarlyLines) early.push(line);
    }),
    attach(target) {
      file = target;
      for (const line of early.splice(0)) target.write(line);
    },
  };
}
