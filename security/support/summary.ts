// The counts each security test file reports for `npm run test:security`: written as one JSON
// file per suite into .tmp/security/, which security/run.ts clears first and adds up after.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecurityCounts {
  channels?: number;
  payloads?: number;
  /** Invalid payloads that reached a handler. */
  accepted?: number;
  /** Throws, rejections, or answers that are not a valid Result. */
  crashes?: number;
  /** Bearer tokens or secrets seen by a host other than the connection's. */
  leaks?: number;
  /** Navigations, windows or openExternal calls a hostile URL got through. */
  hostileUrlsOpened?: number;
  /** How many hostile inputs were tried (answers, URLs), for the record. */
  cases?: number;
}

export const summaryDir = join(import.meta.dirname, '..', '..', '.tmp', 'security');

export function reportCounts(suite: string, counts: SecurityCounts): void {
  mkdirSync(summaryDir, { recursive: true });
  writeFileSync(join(summaryDir, `${suite}.json`), JSON.stringify(counts));
}
