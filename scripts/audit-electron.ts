// `npm run audit:electron`: Electronegativity (advisory) over main, the preload and the build.
// Prints ONE summary line; findings do not fail the run (each is fixed or explained in
// docs/security.md), but the tool crashing or writing no report does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..');
const reportDir = join(repo, '.tmp/electronegativity');
const electronVersion = (
  JSON.parse(readFileSync(join(repo, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

mkdirSync(reportDir, { recursive: true });
const findings = new Map<string, number>();
for (const input of ['src-main', 'src-preload', 'out']) {
  const report = join(reportDir, `${input}.csv`);
  const run = spawnSync(
    'npx',
    ['electronegativity', '-i', input, '-o', report, '-r', '-e', electronVersion],
    { cwd: repo, stdio: 'ignore' },
  );
  if (run.status !== 0 || !existsSync(report)) {
    console.error(`audit:electron: Electronegativity failed on ${input} (exit ${run.status})`);
    process.exit(1);
  }
  for (const line of readFileSync(report, 'utf8').split('\n')) {
    const check = /^([A-Z_]+_CHECK),/.exec(line)?.[1];
    if (check) findings.set(`${check}`, (findings.get(check) ?? 0) + 1);
  }
}
const total = [...findings.values()].reduce((a, b) => a + b, 0);
const byCheck = [...findings].map(([check, n]) => `${check}=${n}`).join(' ');
console.log(
  `electronegativity: findings=${total} ${byCheck} (advisory; each explained in docs/security.md)`,
);
