// Journal records for tests: a customer row and its outbox entries, as the renderer sends them.
import type { JournalAppend, JournalRecord } from '../journal-record';

export function waitingRecord(
  connectionId: string,
  recordKey: string,
  changes: readonly string[],
  state: 'pending' | 'in_flight' = 'pending',
): JournalRecord {
  const isLocal = recordKey.startsWith('local-');
  return {
    recordKey,
    row: {
      connectionId,
      key: recordKey,
      serverId: isLocal ? null : recordKey,
      record: { name: changes.at(-1) ?? 'none' },
      base: isLocal ? null : { name: 'server' },
      remote: null,
      remoteHydration: null,
      hydration: 'full',
      syncState: 'waiting',
      opened: true,
      fieldErrors: null,
      updatedAt: 1,
    },
    entries: changes.map((name, index) => ({
      seq: index + 1,
      connectionId,
      opId: `${recordKey}-op-${name}`,
      recordKey,
      kind: isLocal && index === 0 ? ('create' as const) : ('update' as const),
      state: index === 0 ? state : ('pending' as const),
      attempts: 0,
      firstAttemptAt: null,
      nextAttemptAt: null,
      lastError: null,
      outcomeUnknown: false,
      conflict: null,
      createdAt: 1,
      base: isLocal && index === 0 ? null : { name: 'server' },
      changed: isLocal && index === 0 ? { name } : [{ path: ['name'], value: name }],
    })),
  };
}

/** The record once nothing waits for it any more (completed or discarded). */
export function settledRecord(connectionId: string, recordKey: string): JournalRecord {
  return { ...waitingRecord(connectionId, recordKey, []), entries: [] };
}

export function batch(
  connectionId: string,
  seq: number,
  records: readonly JournalRecord[],
): JournalAppend {
  return { connectionId, seq, records: [...records] };
}
