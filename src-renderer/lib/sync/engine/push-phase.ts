// The push phase: drains due outbox entries, up to `parallelPushes` records at once (main's pacer
// spaces the requests), re-reading the outbox after every entry so that changes saved while the
// push runs go out in the same run. One record's entries always go in order.
import type { OutboxRow } from '../../db/rows';
import { pushStops } from '../../../../src-shared/sync/retry-policy';
import type { EngineContext, Interruption, Problem, RunReport } from './engine-context';
import { pushEntry, type EntryOutcome } from './push-entry';

/** How many due entries the progress total counts at most. */
const totalCountLimit = 10_000;

export interface PushOptions {
  /** Treat entries waiting for their backoff as due ("Sync now"). */
  readonly retryWaiting?: boolean;
}

export async function pushPhase<T>(
  context: EngineContext<T>,
  options: PushOptions = {},
): Promise<RunReport> {
  const { store, connectionId, descriptor, clock } = context;
  const parallel = Math.max(1, descriptor.rateLimit.parallelPushes);
  const horizon = () => (options.retryWaiting ? Number.MAX_SAFE_INTEGER : clock.now());
  const active = new Map<number, Promise<void>>();
  const activeKeys = new Set<string>();
  let interruption: Interruption | null = null;
  let lastEntryError: Problem | null = null;
  let failuresInARow = 0;
  let done = 0;
  let pushed = 0;
  let total: number | null = null;
  let thrown: { error: unknown } | null = null;

  const settle = (outcome: EntryOutcome) => {
    done += 1;
    if (outcome.kind === 'done') {
      pushed += 1;
      failuresInARow = 0;
    } else if (outcome.kind === 'retry') {
      failuresInARow += 1;
      lastEntryError = outcome.error;
    } else if (outcome.kind === 'interrupted') {
      interruption ??= outcome.interruption;
      lastEntryError = outcome.interruption.error;
    } else if (outcome.kind === 'held' && outcome.error) {
      lastEntryError = outcome.error;
    }
    context.entrySettled();
  };

  const start = (entry: OutboxRow<T> & { seq: number }) => {
    activeKeys.add(entry.recordKey);
    const work = pushEntry<T>(context, entry)
      .then(settle, (error: unknown) => {
        // The store failed (closed, quota): stop starting entries, report once the others end.
        thrown ??= { error };
      })
      .finally(() => {
        active.delete(entry.seq);
        activeKeys.delete(entry.recordKey);
      });
    active.set(entry.seq, work);
  };

  const canStart = () =>
    thrown === null &&
    interruption === null &&
    // Retryable failures in a row stop the push for this run (the shared retry policy): each
    // entry keeps its own backoff, and one record the server keeps failing on lets others through.
    !pushStops(failuresInARow) &&
    !context.stopping();

  for (;;) {
    if (canStart() && active.size < parallel) {
      const due = await store.dueEntries<T>(connectionId, horizon(), parallel + active.size);
      const fresh = due.filter(
        (entry): entry is OutboxRow<T> & { seq: number } =>
          entry.seq !== undefined &&
          !active.has(entry.seq) &&
          !activeKeys.has(entry.recordKey) &&
          !context.busyKeys.has(entry.recordKey),
      );
      if (total === null && (fresh.length > 0 || active.size > 0)) {
        total = (await store.dueEntries(connectionId, horizon(), totalCountLimit)).length;
      }
      for (const entry of fresh.slice(0, parallel - active.size)) start(entry);
      if (total !== null) total = Math.max(total, done + active.size);
      if (total !== null) context.progress({ phase: 'pushing', done, total });
    }
    if (active.size === 0) break;
    await Promise.race(active.values());
  }

  if (thrown) throw (thrown as { error: unknown }).error;
  if (interruption === null && pushStops(failuresInARow) && lastEntryError) {
    interruption = { kind: 'retry', error: lastEntryError };
  }
  return { interruption, lastEntryError, runError: null, pushed };
}
