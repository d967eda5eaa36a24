// The promise: the sandbox with `--customers 100000` starts in under 10 s and stays under
// 1 GB. Runs in its own process (bench/run.ts) so the memory figure is the sandbox's alone.
import { startSandbox } from '../sandbox/index';
import { printFigures, round, sized } from './figures';

const customers = sized(100_000);
const started = performance.now();
const sandbox = await startSandbox({ customers, log: () => {} });
const startMs = performance.now() - started;
globalThis.gc?.();
const { rss } = process.memoryUsage();
const { counts } = sandbox.state();
await sandbox.close();

printFigures(`sandbox start, ${counts.r2Customers} customers per API`, [
  {
    name: 'start',
    value: round(startMs / 1000, 2),
    unit: 's',
    better: 'lower',
    goal: 5,
    limit: 10,
    why: 'tests and "Try the sandbox" wait for it',
  },
  {
    name: 'resident memory',
    value: Math.round(rss / 1024 / 1024),
    unit: 'MB',
    better: 'lower',
    goal: 600,
    limit: 1024,
    why: 'runs beside the app on a sales laptop',
  },
]);
