// fast-check settings shared by every property suite: 1,000 runs, and an exact replay of a failure
// with `FC_SEED=<seed> FC_PATH=<path>` taken from the failure report (see the sync README section).
import type { Parameters } from 'fast-check';

/** The environment of the test runner, reached without Node typings (src-shared stays pure). */
function env(name: string): string | undefined {
  const runtime = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return runtime.process?.env?.[name];
}

export function propertyParams<T>(numRuns = 1000): Parameters<T> {
  const seed = env('FC_SEED');
  const path = env('FC_PATH');
  return {
    numRuns,
    ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
    ...(path !== undefined && path !== '' ? { path, endOnFailure: true } : {}),
  };
}
