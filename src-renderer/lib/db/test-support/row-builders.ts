// Outbox rows and customer rows for the pure functions' unit tests, with every field defaulted so
// a test states only what its rule is about.
import type { Change } from '../../../../src-shared/sync/diff';
import type { CreateRow, UpdateRow } from '../rows';
import type { StoredCustomerRow } from '../stored-row';

const common = {
  connectionId: 'c1',
  opId: 'op',
  recordKey: 'k1',
  state: 'pending' as const,
  attempts: 0,
  firstAttemptAt: null,
  nextAttemptAt: null,
  lastError: null,
  outcomeUnknown: false,
  conflict: null,
  createdAt: 1,
};

export function updateEntry<T>(
  base: T,
  changed: readonly Change[],
  overrides: Partial<UpdateRow<T>> = {},
): UpdateRow<T> {
  return { ...common, kind: 'update', base, changed, ...overrides };
}

export function createEntry<T>(record: T, overrides: Partial<CreateRow<T>> = {}): CreateRow<T> {
  return { ...common, kind: 'create', base: null, changed: record, ...overrides };
}

export function storedRow<T>(
  record: T,
  overrides: Partial<StoredCustomerRow<T>> = {},
): StoredCustomerRow<T> {
  return {
    connectionId: 'c1',
    key: 'S-1',
    serverId: 'S-1',
    record,
    base: record,
    remote: null,
    remoteHydration: null,
    hydration: 'full',
    syncState: 'synced',
    opened: false,
    fieldErrors: null,
    updatedAt: 1,
    ...overrides,
  };
}
