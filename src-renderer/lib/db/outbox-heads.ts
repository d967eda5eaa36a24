// Which queued entries the engine may send now: only the head of each record's queue
// (per-record order), and a head that is rejected or in conflict holds only its own record.
import type { OutboxRow } from './rows';

/** The first (oldest) entry of each record, oldest first; `entries` must be in seq order. */
export function headsOf<T>(entries: readonly OutboxRow<T>[]): OutboxRow<T>[] {
  const heads = new Map<string, OutboxRow<T>>();
  for (const entry of entries) if (!heads.has(entry.recordKey)) heads.set(entry.recordKey, entry);
  return [...heads.values()];
}

/**
 * A head the engine should work on: pending, or a create in flight whose outcome is unknown (it
 * must be looked up by its natural key before anything is sent again). A head in flight with a
 * known outcome is being sent right now; rejected and conflict heads wait for the salesperson.
 */
export function isSendable(head: OutboxRow): boolean {
  return head.state === 'pending' || (head.state === 'in_flight' && head.outcomeUnknown);
}

/**
 * When a sendable head is due: its backoff time, or 0 — at once, whatever clock the caller's
 * `now` comes from (an engine under a test clock must not wait for the store's wall clock).
 */
export function dueAt(head: OutboxRow): number {
  return head.nextAttemptAt ?? 0;
}

export function dueHeads<T>(
  entries: readonly OutboxRow<T>[],
  now: number,
  limit: number,
): OutboxRow<T>[] {
  return headsOf(entries)
    .filter((head) => isSendable(head) && dueAt(head) <= now)
    .slice(0, Math.max(0, limit));
}

export function earliestDue(entries: readonly OutboxRow[]): number | null {
  const times = headsOf(entries).filter(isSendable).map(dueAt);
  return times.length > 0 ? Math.min(...times) : null;
}
