// One outbox entry to the server (docs/architecture.md#the-life-of-an-edit): marked in flight
// durably first; a create whose earlier outcome is unknown is looked up by its natural key before
// any re-send; an update is merged three ways with the server's current record and sends only what
// it lacks.
import type { AppError } from '../../../../src-shared/ipc/result';
import { applyChanges } from '../../../../src-shared/sync/apply';
import { merge } from '../../../../src-shared/sync/merge';
import type { CreateRow, OutboxRow, UpdateRow } from '../../db/rows';
import { interruptionFor, reactionTo, safely } from './classify-error';
import type { EngineContext, Interruption } from './engine-context';

export type EntryOutcome =
  /** The server has it. */
  | { readonly kind: 'done' }
  /** Rejected or in conflict: it waits for the salesperson and holds only its own record. */
  | { readonly kind: 'held'; readonly error?: AppError }
  /** Gone from the outbox before it was sent (discarded). */
  | { readonly kind: 'skipped' }
  /** Deferred with backoff. */
  | { readonly kind: 'retry'; readonly error: AppError }
  /** Deferred, and the whole run must stop (signed out, offline, rate limited). */
  | { readonly kind: 'interrupted'; readonly interruption: Interruption };

type Stored<R> = R & { readonly seq: number };

/**
 * Answers after which the server may hold the record: it may have committed before failing, or
 * (409) it says a record like it exists — perhaps ours from an earlier lost answer. The next
 * attempt looks it up by its natural key first.
 */
const outcomeUnknownKinds: ReadonlySet<AppError['kind']> = new Set([
  'network',
  'server',
  'bad_response',
  'conflict',
]);

export async function pushEntry<T>(
  context: EngineContext<T>,
  entry: OutboxRow<T>,
): Promise<EntryOutcome> {
  if (entry.seq === undefined) return { kind: 'skipped' };
  // Durable BEFORE the request: a crash after this point is recovered as "outcome unknown".
  const row = (await context.store.markInFlight(entry.seq, context.clock.now())) as
    OutboxRow<T> | undefined;
  // The row as it is now (a save may have coalesced into it since dueEntries read it).
  if (row?.seq === undefined) return { kind: 'skipped' };
  return row.kind === 'create'
    ? pushCreate(context, row as Stored<CreateRow<T>>)
    : pushUpdate(context, row as Stored<UpdateRow<T>>);
}

async function pushCreate<T>(
  context: EngineContext<T>,
  row: Stored<CreateRow<T>>,
): Promise<EntryOutcome> {
  const { adapter, store, descriptor } = context;
  if (row.outcomeUnknown) {
    // The server may already hold it: POSTing again could make a second record.
    const since = row.firstAttemptAt ?? context.clock.now();
    const found = await safely(() => adapter.findLostCreate(row.changed, since));
    if (!found.ok) return failed(context, row, found.error, true);
    if (found.value) {
      await store.completeCreate(
        descriptor,
        row.seq,
        found.value.serverId,
        found.value.record,
        'adopted',
      );
      return { kind: 'done' };
    }
  }
  const created = await safely(() => adapter.create(row.changed));
  if (!created.ok)
    return failed(context, row, created.error, outcomeUnknownKinds.has(created.error.kind));
  await store.completeCreate(descriptor, row.seq, created.value.serverId, created.value.record);
  return { kind: 'done' };
}

async function pushUpdate<T>(
  context: EngineContext<T>,
  row: Stored<UpdateRow<T>>,
): Promise<EntryOutcome> {
  const { adapter, store, descriptor } = context;
  // An update entry's record key is the server id: the record was on the server when edited.
  const serverId = row.recordKey;
  const current = await safely(() => adapter.get(serverId));
  if (!current.ok) return failed(context, row, current.error, undefined);
  const theirs = current.value;
  const mine = applyChanges(row.base, row.changed);
  const result = merge(descriptor.shape, row.base, mine, theirs);
  if (result.conflicts.length > 0) {
    await store.conflictEntry(row.seq, { kind: 'fields', conflicts: result.conflicts, theirs });
    return { kind: 'held' };
  }
  // The server already has every change (an earlier PUT whose answer was lost, or the same edit
  // made by a colleague): adopt its record, send nothing.
  if (result.changedLocally.length === 0) {
    await store.completeUpdate(descriptor, row.seq, theirs);
    return { kind: 'done' };
  }
  const pushed = await safely(() => adapter.push(serverId, result, theirs));
  if (!pushed.ok) return failed(context, row, pushed.error, undefined);
  await store.completeUpdate(descriptor, row.seq, pushed.value);
  return { kind: 'done' };
}

/** Puts a failed entry where it belongs and says what the run should do next. */
async function failed<T>(
  context: EngineContext<T>,
  row: Stored<OutboxRow<T>>,
  error: AppError,
  outcomeUnknown: boolean | undefined,
): Promise<EntryOutcome> {
  const { store, clock, timing } = context;
  const now = clock.now();
  const reaction = reactionTo(error, {
    now,
    isOnline: () => context.isOnline(),
    maxRetryAfterMs: timing.maxRetryAfterMs,
  });
  const unknown = outcomeUnknown === undefined ? {} : { outcomeUnknown };
  const interruption = interruptionFor(reaction, error, now);
  if (interruption) {
    // Not the entry's fault: no attempt is counted, and it is due again when the run resumes.
    const nextAttemptAt = interruption.kind === 'rate_limited' ? interruption.until : now;
    await store.deferEntry(row.seq, {
      nextAttemptAt,
      lastError: error,
      countAttempt: false,
      ...unknown,
    });
    return { kind: 'interrupted', interruption };
  }
  if (reaction.kind === 'refused') {
    await store.rejectEntry(row.seq, error);
    return { kind: 'held', error };
  }
  // A create cannot be "gone": the endpoint is wrong or missing — it is retried later.
  if (reaction.kind === 'gone' && row.kind === 'update') {
    await store.conflictEntry(row.seq, { kind: 'deleted_on_server' });
    return { kind: 'held', error };
  }
  const nextAttemptAt = now + timing.backoffMs(row.attempts, context.random);
  await store.deferEntry(row.seq, {
    nextAttemptAt,
    lastError: error,
    countAttempt: true,
    ...unknown,
  });
  return { kind: 'retry', error };
}
