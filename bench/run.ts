// `npm run bench [-- --quick]`: runs each benchmark in a fresh Node process (so one's memory and
// Chromium do not count against another's), prints every figure against its goal and limit,
// writes them all to bench/results.json, and exits 1 only if a figure is past its LIMIT (or a
// benchmark did not finish). `--quick` runs everything at a tenth of the sizes (the CI smoke run).
// A partial run (`npm run bench -- customer-list --large`) replaces only its own entries there.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { quick, withinLimit, type Figure } from './figures';

/** Each entry: a file in bench/ and its arguments; one process each. */
const benches: string[][] = [
  ['sandbox-startup.ts'],
  ['sync-merge.ts'],
  ['ipc-router.ts'],
  ['save-commit.ts'],
  ['push-backlog.ts', 'updates'],
  ['push-backlog.ts', 'creates'],
  ['r2-pull.ts', 'unlimited'],
  ['r2-pull.ts', 'limited'],
  ['main-rss.ts'],
  ['customer-list.ts'],
  ['list-first-rows.ts'],
  ['duplicates.ts'],
  ['export.ts'],
];

interface BenchResult {
  file: string;
  args: string[];
  bench: string;
  seconds: number;
  /** When this benchmark ran (a partial run keeps the others' entries and times). */
  ranAt?: string;
  /** Null when the benchmark did not finish (then `error` says why). */
  figures: Figure[] | null;
  error?: string;
}

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const startedAt = new Date();
const loadAvgAtStart = Number(loadavg()[0]?.toFixed(2));
const results: BenchResult[] = [];
let failed = 0;

for (const [file, ...args] of benches) {
  if (only.length > 0 && !only.some((name) => file!.startsWith(name))) continue;
  const path = fileURLToPath(new URL(file!, import.meta.url));
  const started = performance.now();
  const ranAt = new Date().toISOString();
  const run = spawnSync(
    process.execPath,
    [
      ...['--expose-gc', '--import', 'tsx', path, ...args, ...(quick ? ['--quick'] : [])],
      // `--large`: the customer list at 1,000,000 customers (the others ignore it).
      ...(process.argv.includes('--large') ? ['--large'] : []),
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  const label = [file, ...args].join(' ');
  if (run.status !== 0 || !line.startsWith('{')) {
    const error = `did not finish (exit ${run.status ?? run.signal})\n${run.stderr.slice(-2000)}`;
    console.log(`✗ ${label}: ${error}`);
    results.push({ file: file!, args, bench: label, seconds, ranAt, figures: null, error });
    failed += 1;
    continue;
  }
  const { bench, figures } = JSON.parse(line) as { bench: string; figures: Figure[] };
  results.push({ file: file!, args, bench, seconds, ranAt, figures });
  console.log(`${bench} (${seconds} s)`);
  for (const figure of figures) {
    const ok = withinLimit(figure);
    if (!ok) failed += 1;
    const at = figure.better === 'lower' ? '≤' : '≥';
    const goalMet = figure.ratio !== null && figure.ratio <= 1 ? 'goal met' : 'goal missed';
    console.log(
      `  ${ok ? '✓' : '✗'} ${figure.name}: ${figure.value} ${figure.unit} ` +
        `(goal ${at} ${figure.goal}, ratio ${figure.ratio ?? '∞'}, ${goalMet}; ` +
        `limit ${at} ${figure.limit} — ${figure.why})`,
    );
    if (figure.note) console.log(`      ${figure.note}`);
  }
}

// The full run's figures are the committed record; a quick (smoke) run — which `npm test` makes —
// writes beside it (git-ignored), so testing never overwrites the measured figures.
const resultsFile = fileURLToPath(
  new URL(quick ? 'results.quick.json' : 'results.json', import.meta.url),
);
// Entries of the last full run that this run did not measure again (another size is another bench).
const kept = (() => {
  const partial = only.length > 0 || process.argv.includes('--large');
  if (!partial || !existsSync(resultsFile)) return [];
  const previous = JSON.parse(readFileSync(resultsFile, 'utf8')) as { benches?: BenchResult[] };
  return (previous.benches ?? []).filter((old) => !results.some((now) => now.bench === old.bench));
})();
// Formatted as `npm run lint` (prettier --check) expects, so a fresh run can be committed as is.
const prettierOptions = { ...(await resolveConfig(resultsFile)), parser: 'json' };
writeFileSync(
  resultsFile,
  await format(
    JSON.stringify(
      {
        quick,
        // A run of only some benchmarks (`npm run bench -- push`) names them here; the other
        // entries are the earlier run's, each with its own ranAt.
        only: only.length > 0 ? only : null,
        ranAt: startedAt.toISOString(),
        // The 1-minute load average when the run began: a shared machine slows the Chromium benchmarks.
        machine: { cpus: cpus().length, node: process.version, loadAtStart: loadAvgAtStart },
        ratio: 'value ÷ goal (lower is better) or goal ÷ value (higher is better): ≤ 1 = goal met',
        seconds: Number(((Date.now() - startedAt.getTime()) / 1000).toFixed(1)),
        benches: [...kept, ...results],
      },
      null,
      2,
    ),
    prettierOptions,
  ),
);
console.log(
  `${failed === 0 ? 'all within their limits' : `${failed} past their limit`}; wrote ${resultsFile}`,
);
process.exitCode = failed === 0 ? 0 : 1;
