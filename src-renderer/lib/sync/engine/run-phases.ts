// What one run does, in order (docs/sync.md#the-sync-engine): lookups → push → pull → hydrate →
// push again for what was saved meanwhile; a push run only pushes. Stops at the first phase that
// interrupts it.
import { runInterruption, safely } from './classify-error';
import type { EngineContext, Interruption, Problem, RunReport } from './engine-context';
import { hydratePhase } from './hydrate-phase';
import { interruptionContext, pullPhase, type BetweenPages } from './pull-phase';
import { pushPhase } from './push-phase';
import { describeProblem } from './status-words';

/** A full run syncs everything; a push run (after a save, a retry) only sends the outbox. */
export type RunKind = 'full' | 'push';

const offlineProblem: Problem = { kind: 'network', message: 'This computer is offline' };

export async function runPhases<T>(
  context: EngineContext<T>,
  kind: RunKind,
  options: { retryWaiting: boolean },
): Promise<RunReport> {
  let interruption: Interruption | null = null;
  let runError: Problem | null = null;
  let lastEntryError: Problem | null = null;
  let pushed = 0;
  const carryOn = () => interruption === null && !context.stopping();
  const between: BetweenPages = async () => {
    const report = await pushPhase(context);
    lastEntryError = report.lastEntryError ?? lastEntryError;
    pushed += report.pushed;
    return report;
  };
  try {
    if (!context.isOnline()) {
      interruption = { kind: 'pause', reason: 'offline', error: offlineProblem };
    }
    if (carryOn() && kind === 'full') {
      context.progress({ phase: 'pulling', done: 0, total: null });
      const lookups = await refreshLookups(context);
      if (lookups?.kind === 'retry') runError = lookups.error;
      else interruption = lookups;
    }
    if (carryOn()) {
      const report = await pushPhase(context, options);
      interruption = report.interruption;
      lastEntryError = report.lastEntryError;
      pushed += report.pushed;
    }
    if (kind === 'full') {
      if (carryOn()) interruption = await pullPhase(context, between);
      if (carryOn()) interruption = await hydratePhase(context, between);
      // What was saved during the pull's last page or the last hydration batch.
      if (carryOn()) interruption = (await between()).interruption;
    }
  } catch (error) {
    interruption = { kind: 'retry', error: describeProblem(error) };
  }
  return { interruption, runError, lastEntryError, pushed };
}

/**
 * Fresh lookups for offline editing. Signed out, offline or 429 stop the run; any other failure
 * only costs freshness (the cached lookups still work), so the push is not held back by it.
 */
async function refreshLookups<T>(context: EngineContext<T>): Promise<Interruption | null> {
  const { adapter, store, connectionId, clock } = context;
  const answer = await safely(() => adapter.fetchLookups());
  if (!answer.ok) return runInterruption(answer.error, interruptionContext(context));
  await store.putLookups(connectionId, answer.value, clock.now());
  adapter.useLookups(answer.value);
  return null;
}
