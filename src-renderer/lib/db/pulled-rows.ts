// What a pulled server record does to the local row (docs/sync.md#the-local-store): a new record is
// added; a record without waiting changes takes the server's version; a record with waiting
// changes keeps them and only remembers the server's version as `remote` for the push's merge.
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import { deepEqual } from '../../../src-shared/sync/values';
import type { PulledRecord } from './customer-store';
import type { Hydration } from './rows';
import { withIndexFields, type StoredCustomerRow } from './stored-row';

/**
 * The row after `pulled`, or null when nothing changes (so a page applied twice writes nothing).
 * A summary never replaces a complete copy the server has not changed since — compared through
 * `descriptor.summaryOf` — so pulls neither downgrade rows nor echo them; a summary that differs
 * makes the row a summary again, and the second tier fetches it in full.
 */
export function rowAfterPull<T>(
  descriptor: ConnectorDescriptor<T>,
  connectionId: string,
  existing: StoredCustomerRow<T> | undefined,
  pulled: PulledRecord<T>,
  now: number,
): StoredCustomerRow<T> | null {
  const record = descriptor.prepareForStore(pulled.record);
  if (!existing) {
    return withIndexFields({
      connectionId,
      key: pulled.serverId,
      serverId: pulled.serverId,
      record,
      base: record,
      remote: null,
      remoteHydration: null,
      hydration: pulled.hydration,
      syncState: 'synced',
      opened: false,
      fieldErrors: null,
      updatedAt: now,
    });
  }
  const known = existing.remote ?? existing.base;
  const knownHydration = existing.remote ? existing.remoteHydration : existing.hydration;
  if (known !== null && knownHydration !== null) {
    if (sameServerVersion(descriptor, known, knownHydration, record, pulled.hydration)) {
      // Unchanged on the server; for a row without waiting changes, also nothing to repair.
      if (existing.syncState !== 'synced' || existing.remote === null) return null;
    }
  }
  if (existing.syncState !== 'synced') {
    return withIndexFields({
      ...existing,
      remote: record,
      remoteHydration: pulled.hydration,
      updatedAt: now,
    });
  }
  return withIndexFields({
    ...existing,
    record,
    base: record,
    remote: null,
    remoteHydration: null,
    hydration: pulled.hydration,
    fieldErrors: null,
    updatedAt: now,
  });
}

/**
 * Whether the pulled version is what we already know of the server. A full pull must equal a
 * full copy; a summary must equal the known copy's summary (or the known summary itself).
 */
function sameServerVersion<T>(
  descriptor: ConnectorDescriptor<T>,
  known: T,
  knownHydration: Hydration,
  pulled: T,
  pulledHydration: Hydration,
): boolean {
  if (pulledHydration === 'full') return knownHydration === 'full' && deepEqual(known, pulled);
  const knownSummary = knownHydration === 'full' ? descriptor.summaryOf(known) : known;
  return deepEqual(knownSummary, pulled);
}
