// The sync core's cost per record: diff of two versions and a full three-way merge + request body,
// over generated R2 scenarios (the richer shape). A backlog of 100,000 queued edits must not be
// held up by this CPU work.
import fc from 'fast-check';
import { diff, merge } from '../src-shared/sync';
import { r2Shape, r2UpdateRequest } from '../src-shared/sync/connectors';
import { r2Arbitraries, threeWay } from '../src-shared/sync/test-support/arbitraries';
import { printFigures, round, sized } from './figures';

const scenarios = fc.sample(threeWay(r2Arbitraries), { numRuns: sized(5_000), seed: 42 });

/** Timed passes per figure; the fastest one counts. */
const PASSES = 5;

// The best of several passes: one pass over the quick run's 500 scenarios takes ~25 ms, so a single
// preemption by another process on a shared 2-core machine (a CI run beside other work measured
// 515 µs/record against 49–54 µs alone) would otherwise be reported as the sync core's cost.
function microsecondsPer(work: () => void): number {
  work(); // warm up the JIT on the same inputs
  let fastest = Infinity;
  for (let pass = 0; pass < PASSES; pass += 1) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return (fastest * 1000) / scenarios.length;
}

const diffUs = microsecondsPer(() => {
  for (const { base, mine } of scenarios) diff(r2Shape, base, mine);
});
const mergeUs = microsecondsPer(() => {
  for (const { base, mine, theirs } of scenarios)
    r2UpdateRequest(merge(r2Shape, base, mine, theirs));
});

printFigures(`sync core, ${scenarios.length} generated R2 scenarios`, [
  {
    name: 'diff',
    value: round(diffUs),
    unit: 'µs/record',
    better: 'lower',
    goal: 50,
    limit: 200,
    why: '100,000 records diffed in under 20 s of CPU on a pull',
  },
  {
    name: 'merge + request body',
    value: round(mergeUs),
    unit: 'µs/record',
    better: 'lower',
    goal: 250,
    limit: 1000,
    why: "100,000 queued edits merged in under 100 s of CPU, far below the APIs' rate limits",
  },
]);
