// Full records, the pull's second tier (docs/architecture.md#unibiz-r2): where the list carries
// only summaries (R2), the records of the connection's offline scope and the favourites are fetched
// by id in small batches, opened ones first. Push has priority: before every batch, due changes
// are sent.
import type { ConnectionMeta } from '../../db/rows';
import type { PulledRecord } from '../../db/customer-store';
import type { AppError } from '../../../../src-shared/ipc/result';
import { runInterruption, safely } from './classify-error';
import type { EngineContext, Interruption } from './engine-context';
import { interruptionContext, type BetweenPages } from './pull-phase';

type Wanted = 'all' | 'opened' | ReadonlySet<string>;

export async function hydratePhase<T>(
  context: EngineContext<T>,
  between: BetweenPages,
): Promise<Interruption | null> {
  const { store, adapter, connectionId, descriptor, timing } = context;
  if (!descriptor.capabilities.summariesInList) return null;
  const scope = await wantedRows(context, await store.getMeta(connectionId));
  if ('interruption' in scope) return scope.interruption;
  // Rows tried in this run: one the store still lists afterwards (a summary with waiting changes
  // keeps its local state) is not fetched again and again.
  const tried = new Set<string>();
  let done = 0;
  for (;;) {
    if (context.stopping()) return null;
    const turn = await between();
    if (turn.interruption) return turn.interruption;
    const candidates = await store.rowsToHydrate(
      connectionId,
      scope.wanted,
      timing.hydrateBatch + tried.size,
    );
    const rows = candidates
      .filter((row) => row.serverId !== null && !tried.has(row.key))
      .slice(0, timing.hydrateBatch);
    if (rows.length === 0) return null;
    context.progress({ phase: 'hydrating', done, total: null });
    for (const row of rows) {
      tried.add(row.key);
      context.busyKeys.add(row.key);
    }
    let failure: AppError | null = null;
    try {
      const answers = await Promise.all(
        rows.map((row) => safely(() => adapter.get(row.serverId as string))),
      );
      const full: PulledRecord<T>[] = [];
      const gone: string[] = [];
      for (const [index, answer] of answers.entries()) {
        const serverId = rows[index]?.serverId as string;
        if (answer.ok) full.push({ serverId, record: answer.value, hydration: 'full' });
        else if (answer.error.kind === 'not_found') gone.push(serverId);
        else failure ??= answer.error;
      }
      if (full.length > 0) await store.applyPulled(descriptor, connectionId, full);
      if (gone.length > 0) await store.markDeletedOnServer(connectionId, gone);
      done += full.length + gone.length;
    } finally {
      for (const row of rows) context.busyKeys.delete(row.key);
    }
    context.progress({ phase: 'hydrating', done, total: null });
    if (failure) return runInterruption(failure, interruptionContext(context));
  }
}

/**
 * Which summary rows to complete: the connection's offline scope, and the salesperson's favourites
 * whatever the scope (listed first, so they come before the rest of a 'mine' scope).
 */
async function wantedRows<T>(
  context: EngineContext<T>,
  meta: ConnectionMeta,
): Promise<{ wanted: Wanted } | { interruption: Interruption }> {
  const scope = await scopeRows(context, meta);
  if ('interruption' in scope || scope.wanted === 'all') return scope;
  // A server row's key is its server id: the favourites' keys name the rows to complete.
  const favourites = await context.store.lists.favouriteKeys(context.connectionId);
  if (favourites.length === 0) return scope;
  const own = scope.wanted === 'opened' ? [] : scope.wanted;
  return { wanted: new Set([...favourites, ...own]) };
}

/** Which summary rows the connection's offline scope wants complete. */
async function scopeRows<T>(
  context: EngineContext<T>,
  meta: ConnectionMeta,
): Promise<{ wanted: Wanted } | { interruption: Interruption }> {
  switch (meta.offlineScope) {
    case 'all':
    case 'opened':
      return { wanted: meta.offlineScope };
    case 'mine': {
      // Without a salesperson id, or from an API that cannot tell whose a customer is, keep
      // every record complete: more offline than asked beats missing what the salesperson needs.
      const salespersonId = meta.salespersonId;
      if (salespersonId === null) return { wanted: 'all' };
      const own = await safely(() => context.adapter.ownCustomerIds(salespersonId));
      if (!own.ok)
        return { interruption: runInterruption(own.error, interruptionContext(context)) };
      return { wanted: own.value ?? 'all' };
    }
  }
}
