// Measures what issue 3 promises: `--customers 100000` starts in under 10 s and stays under 1 GB.
// Run by hand: `node --expose-gc --import tsx sandbox/bench-startup.ts [customers] [data-file]`;
// with a data file, run it twice (first generates and saves, second loads). Prints one JSON line.
import { startSandbox } from './index';

async function main(): Promise<void> {
  const customers = Number(process.argv[2] ?? 100_000);
  const dataFile = process.argv[3];
  const started = performance.now();
  const sandbox = await startSandbox({ customers, dataFile, log: () => {} });
  const startMs = performance.now() - started;
  global.gc?.();
  const memory = process.memoryUsage();
  const listStarted = performance.now();
  const state = sandbox.state();
  const stateMs = performance.now() - listStarted;
  const closeStarted = performance.now();
  await sandbox.close();
  const closeMs = performance.now() - closeStarted;
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  process.stdout.write(
    `${JSON.stringify({
      customersPerApi: state.counts.r2Customers,
      dataFile: dataFile ?? null,
      closeMs: Math.round(closeMs),
      r2Contacts: state.counts.r2Contacts,
      startMs: Math.round(startMs),
      rssMb: mb(memory.rss),
      heapUsedMb: mb(memory.heapUsed),
      stateMs: Math.round(stateMs),
      limits: { startMs: 10_000, rssMb: 1024 },
    })}\n`,
  );
}

void main();
