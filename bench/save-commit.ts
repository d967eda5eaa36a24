// Save → durable commit: store.saveCustomer in real Chromium (the lab page through the harness),
// each call timed from call to resolve, i.e. until IndexedDB reports the `strict` transaction
// committed AND main's change journal has the change fsynced (docs/journal.md) — what a
// salesperson waits for before "Saved" may be shown. The same saves without the journal are
// timed too, so the figure says how much of the wait is the journal's.
import { startBenchWorld } from './lab/bench-world';
import { percentile, printFigures, round, sized } from './figures';

const saves = sized(200);
const world = await startBenchWorld({ sandbox: { customers: 10 }, connector: 'r2' });
let durations: number[];
let storeOnly: number[];
try {
  durations = await world.bench('timeSaves', saves, 10, true);
  storeOnly = await world.bench('timeSaves', saves, 10, false);
} finally {
  await world.close();
}
if (durations.length !== saves) throw new Error(`timed ${durations.length} saves, not ${saves}`);

const ms = (values: number[], p: number) => round(percentile(values, p), 2);
printFigures(`save → durable commit, ${saves} store.saveCustomer calls in Chromium`, [
  {
    name: 'save → strict commit + journal fsync p95',
    value: ms(durations, 95),
    unit: 'ms',
    better: 'lower',
    goal: 10,
    limit: 50,
    why: 'typing must never wait on the disk; 50 ms starts to be felt as lag after "Save"',
    note: `IndexedDB strict commit and, started inside its transaction, the journal append over IPC with fdatasync; median ${ms(durations, 50)} ms, max ${round(Math.max(...durations), 2)} ms; the same saves without the journal: p50 ${ms(storeOnly, 50)} ms, p95 ${ms(storeOnly, 95)} ms (after 10 untimed warm-up saves each)`,
  },
]);
