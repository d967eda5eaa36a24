// `npm run bench`: runs each benchmark in a fresh Node process (so one's memory does not count
// against another's), prints every figure against its limit, and exits 1 if any is over.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figures';

const benches = [['sandbox-startup.ts', '100000'], ['sync-merge.ts'], ['ipc-router.ts']];

let over = 0;
for (const [file, ...args] of benches) {
  const path = fileURLToPath(new URL(file!, import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !line.startsWith('{')) {
    console.log(`✗ ${file}: did not finish (exit ${run.status})\n${run.stderr.slice(-2000)}`);
    over += 1;
    continue;
  }
  const { bench, figures } = JSON.parse(line) as { bench: string; figures: Figure[] };
  console.log(bench);
  for (const figure of figures) {
    const ok = figure.value <= figure.limit;
    if (!ok) over += 1;
    console.log(
      `  ${ok ? '✓' : '✗'} ${figure.name}: ${figure.value} ${figure.unit} (limit ${figure.limit} ${figure.unit} — ${figure.why})`,
    );
  }
}
process.exitCode = over === 0 ? 0 : 1;
