// The pull (its first tier; full records are hydrate-phase.ts): page through the server's list from
// the stored checkpoint, store each page (the store keeps local changes and refreshes only their
// remote copy), keep the next checkpoint, and after a complete listing remove what the server no
// longer has.
import type { PullCursor } from '../sync-adapter';
import { runInterruption, safely } from './classify-error';
import type { FailureContext } from './classify-error';
import type { EngineContext, Interruption, RunReport } from './engine-context';

/** Between pages the push gets its turn; it says whether it sent anything. */
export type BetweenPages = () => Promise<Pick<RunReport, 'interruption' | 'pushed'>>;

export async function pullPhase<T>(
  context: EngineContext<T>,
  between: BetweenPages,
): Promise<Interruption | null> {
  const { store, adapter, connectionId, descriptor, clock } = context;
  const { pullCheckpoint: checkpoint } = await store.getMeta(connectionId);
  const seen = new Set<string>();
  // A record created during the pull is missing from pages listed before it existed: deleting
  // "what was not seen" is safe only when nothing was pushed in between.
  let pushedDuring = 0;
  const fetchPage = (cursor: PullCursor | null) =>
    safely(() => adapter.pullPage(cursor, checkpoint, clock.now()));
  context.progress({ phase: 'pulling', done: 0, total: null });
  let fetching = fetchPage(null);
  for (;;) {
    const page = await fetching;
    if (!page.ok) return runInterruption(page.error, interruptionContext(context));
    const { records, next, done, total } = page.value;
    // The next page is asked for while this one is stored, so the wire and the store overlap.
    // Main's pacer still spaces every request; at most one page waits ahead. If the pull stops
    // here, that one answer is simply not used (safely() never rejects). Changes saved during
    // the pull go out before the next page: with one due, the page waits for the push's turn.
    const prefetch = next !== null && !(await pushIsDue(context));
    if (prefetch) fetching = fetchPage(next);
    await store.applyPulled(descriptor, connectionId, records);
    for (const record of records) seen.add(record.serverId);
    context.progress({ phase: 'pulling', done, total });
    if (next === null) {
      const meta = await store.getMeta(connectionId);
      const nextCheckpoint =
        page.value.checkpoint === undefined ? meta.pullCheckpoint : page.value.checkpoint;
      await store.putMeta({ ...meta, pullCheckpoint: nextCheckpoint, lastPullAt: clock.now() });
      const complete = page.value.complete === true && descriptor.capabilities.listingIsComplete;
      if (complete && pushedDuring === 0) await store.applyDeletions(connectionId, seen);
      return null;
    }
    if (context.stopping()) return null;
    const turn = await between();
    pushedDuring += turn.pushed;
    if (turn.interruption) return turn.interruption;
    context.progress({ phase: 'pulling', done, total });
    if (!prefetch) fetching = fetchPage(next);
  }
}

async function pushIsDue<T>(context: EngineContext<T>): Promise<boolean> {
  const due = await context.store.dueEntries(context.connectionId, context.clock.now(), 1);
  return due.length > 0;
}

export function interruptionContext<T>(context: EngineContext<T>): FailureContext {
  return {
    now: context.clock.now(),
    isOnline: () => context.isOnline(),
    maxRetryAfterMs: context.timing.maxRetryAfterMs,
  };
}
