// `npm run test:security`: runs the security suites (security/vitest.config.ts), adds up the
// counts each suite wrote to .tmp/security/, prints ONE summary line and fails unless every
// count that must be 0 is 0 and every suite reported (a suite that crashed reports nothing).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { summaryDir, type SecurityCounts } from './support/summary';

const suites = ['ipc-fuzz', 'malformed-answers', 'hostile-urls', 'leak-scan'] as const;

rmSync(summaryDir, { recursive: true, force: true });
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'security/vitest.config.ts', ...process.argv.slice(2)],
  { stdio: ['ignore', 'inherit', 'inherit'], cwd: join(import.meta.dirname, '..') },
);

const total: Required<Omit<SecurityCounts, 'cases'>> = {
  channels: 0,
  payloads: 0,
  accepted: 0,
  crashes: 0,
  leaks: 0,
  hostileUrlsOpened: 0,
};
const missing: string[] = [];
for (const suite of suites) {
  const file = join(summaryDir, `${suite}.json`);
  if (!existsSync(file)) {
    missing.push(suite);
    continue;
  }
  const counts = JSON.parse(readFileSync(file, 'utf8')) as SecurityCounts & {
    missed?: number;
    unexpectedKinds?: number;
  };
  for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += counts[key] ?? 0;
  // A valid payload refused, or an answer of the wrong kind, is a failure too: count it a crash.
  total.crashes += (counts.missed ?? 0) + (counts.unexpectedKinds ?? 0);
}

console.log(
  `security: channels=${total.channels} payloads=${total.payloads} accepted=${total.accepted} ` +
    `crashes=${total.crashes} leaks=${total.leaks} hostile-urls-opened=${total.hostileUrlsOpened}`,
);
const bad = total.accepted + total.crashes + total.leaks + total.hostileUrlsOpened;
if (missing.length > 0) console.error(`security: no counts from ${missing.join(', ')}`);
process.exit(vitest.status !== 0 || bad > 0 || missing.length > 0 ? 1 : 0);
