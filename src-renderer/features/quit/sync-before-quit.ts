// "Sync now and quit" without the dialog: runs "Sync now" for every connection with changes
// waiting and reports progress, then either "none wait" or "no connection can send more" with
// what is left and why. Never waits forever: a quiet sync and a total limit end it too.
import type { CustomerStore } from '../../lib/db/customer-store';
import type { SyncRunner } from '../../lib/sync/engine/sync-runner';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { changesCount, leftBehindReason } from './quit-words';

export interface SyncBeforeQuitOptions {
  runner: Pick<SyncRunner, 'syncNow' | 'subscribe' | 'status'>;
  /** Waiting changes per connection when the person chose (countWaitingPerConnection). */
  counts: ReadonlyMap<string, number>;
  /** The connections, for their names in the words. */
  connections: readonly { id: string; name: string }[];
  /** With no word from the sync for this long, it is taken as stuck. */
  quietMs: number;
  /** The longest it waits in all. */
  maxSyncMs: number;
  onProgress(waiting: number, total: number): void;
  /** None wait any more. */
  onSent(): void;
  /** No connection can send more: how many are left, and a sentence saying why. */
  onLeft(waiting: number, message: string): void;
}

const runningPhases = new Set(['pulling', 'pushing', 'hydrating']);

/** Before anything was counted. */
export const noCounts: ReadonlyMap<string, number> = new Map();

/** Every connection's waiting changes, read from the store (the outbox). */
export async function countWaitingPerConnection(
  store: Pick<CustomerStore, 'countWaiting'>,
  connectionIds: readonly string[],
): Promise<ReadonlyMap<string, number>> {
  const counts = await Promise.all(connectionIds.map((id) => store.countWaiting(id)));
  return new Map(connectionIds.map((id, index) => [id, counts[index] ?? 0]));
}

/** Starts it; the returned function stops listening (Cancel). */
export function syncBeforeQuit(options: SyncBeforeQuitOptions): () => void {
  const { runner, counts } = options;
  const names = new Map(options.connections.map((c) => [c.id, c.name]));
  const pending = [...counts].filter(([, count]) => count > 0).map(([id]) => id);
  const total = pending.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
  const latest = new Map<string, SyncStatus>();
  const sawRun = new Set<string>();
  let ended = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;

  const waitingOf = (id: string) => latest.get(id)?.waiting ?? counts.get(id) ?? 0;
  const waitingNow = () => pending.reduce((sum, id) => sum + waitingOf(id), 0);
  // A connection can send no more when its sync is paused or stopped, or a run it started after
  // "Sync now" has ended (idle, or backing off) with changes still waiting.
  const stuck = (id: string) => {
    const status = latest.get(id);
    if (!status) return false;
    if (status.phase === 'paused' || status.phase === 'closed') return true;
    return (status.phase === 'idle' || status.phase === 'waiting') && sawRun.has(id);
  };

  const end = () => {
    ended = true;
    unsubscribe();
    if (quiet !== undefined) clearTimeout(quiet);
    clearTimeout(limit);
  };
  const leaveWhatIsLeft = () => {
    if (ended) return;
    const left = pending.filter((id) => waitingOf(id) > 0);
    const reasons = new Set(
      left.map((id) => leftBehindReason(latest.get(id), names.get(id) ?? id)),
    );
    const waiting = waitingNow();
    end();
    options.onLeft(
      waiting,
      `${changesCount(waiting)} could not be sent: ${[...reasons].join('; ')}. They stay on this computer and sync the next time Fieldbook can.`,
    );
  };
  const check = () => {
    if (ended) return;
    const waiting = waitingNow();
    if (waiting === 0) {
      end();
      return options.onSent();
    }
    options.onProgress(waiting, total);
    if (pending.filter((id) => waitingOf(id) > 0).every(stuck)) leaveWhatIsLeft();
  };
  const heardFromSync = () => {
    if (quiet !== undefined) clearTimeout(quiet);
    quiet = setTimeout(leaveWhatIsLeft, options.quietMs);
  };

  const unsubscribe = runner.subscribe((status) => {
    if (!pending.includes(status.connectionId)) return;
    latest.set(status.connectionId, status);
    if (runningPhases.has(status.phase)) sawRun.add(status.connectionId);
    heardFromSync();
    check();
  });
  const limit = setTimeout(leaveWhatIsLeft, options.maxSyncMs);
  heardFromSync();
  for (const id of pending) {
    // A paused sync (offline, signed out) does not run for "Sync now": stuck from the start.
    const now = runner.status(id);
    if (now?.phase === 'paused') latest.set(id, now);
    runner.syncNow(id);
  }
  check();
  return end;
}
