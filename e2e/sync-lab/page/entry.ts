// The sync lab: a test-only page (nothing in the app imports it) that runs the REAL store, sync
// runner, adapters and descriptors in Chromium and exposes what `npm run test:sync` drives.
import { descriptorFor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { ConnectionView } from '../../../src-shared/connection';
import { applyChanges } from '../../../src-shared/sync/apply';
import { openCustomerStore } from '../../../src-renderer/lib/db/dexie-customer-store';
import type { CustomerStore } from '../../../src-renderer/lib/db/customer-store';
import type { CustomerRow, OutboxRow } from '../../../src-renderer/lib/db/rows';
import { createSettlingSyncRunner } from '../../../src-renderer/lib/sync/test-support/settling-sync-runner';
import { createSyncAdapter } from '../../../src-renderer/lib/sync/adapters';
import { fullJitterBackoff, type SyncTiming } from '../../../src-renderer/lib/sync/sync-status';
import { countingApi } from './counting-api';
import { journalPortOf } from '../../../src-renderer/lib/sync/journal-port';
import { createJournalGate } from '../../../src-renderer/lib/sync/journal-gate';
import type { LabConflict, LabOutboxEntry, LabRow, LabRowRef, SyncLabApi } from '../lab-api';
import { listConnectionIds, setupConnections } from './lab-connections';
import { createRowFinder } from './lab-rows';

const databaseName = 'fieldbook';

/** Quicker than the app's (a 5-minute backoff cap would outlast the run); same policy otherwise. */
const labTiming: SyncTiming = {
  backoffMs: fullJitterBackoff(250, 4_000),
  saveDebounceMs: 150,
  idleIntervalMs: 3_000,
  maxRetryAfterMs: 10_000,
  hydrateBatch: 20,
};

let online = false;
const onlineListeners = new Set<(online: boolean) => void>();
const { api, counter } = countingApi(window.fieldbook, () => online);

interface Lab {
  store: CustomerStore;
  runner: ReturnType<typeof createSettlingSyncRunner>;
  connections: Map<string, ConnectionView>;
}
let lab: Lab | undefined;
/** Changes this page put back from main's journal when it started (after a wiped store). */
let restored = 0;
const rows = createRowFinder(databaseName);

function started(): Lab {
  if (!lab) throw new Error('The sync lab has not been started.');
  return lab;
}

function connectionOf(connectionId: string): ConnectionView {
  const connection = started().connections.get(connectionId);
  if (!connection) throw new Error(`No connection ${connectionId}`);
  return connection;
}

function descriptorOf(connectionId: string): ConnectorDescriptor<unknown> {
  return descriptorFor(connectionOf(connectionId).kind) as ConnectorDescriptor<unknown>;
}

/** What the editor starts a new record from, with the given fields typed in. */
function newRecord(connectionId: string, fields: Readonly<Record<string, unknown>>): unknown {
  const empty = descriptorOf(connectionId).emptyRecord(connectionOf(connectionId));
  return { ...(empty as object), ...fields };
}

function labRow(descriptor: ConnectorDescriptor<unknown>, row: CustomerRow): LabRow {
  return {
    key: row.key,
    serverId: row.serverId,
    name: descriptor.displayName(row.record),
    record: row.record,
    syncState: row.syncState,
    hydration: row.hydration,
  };
}

async function findRow(connectionId: string, ref: LabRowRef): Promise<CustomerRow | undefined> {
  const { store } = started();
  const descriptor = descriptorOf(connectionId);
  if (ref.key) {
    const row = await store.getCustomer(connectionId, ref.key);
    if (row) return row;
  }
  if (!ref.naturalFields) return undefined;
  const wanted = descriptor.naturalKey({
    ...(descriptor.emptyRecord() as object),
    ...ref.naturalFields,
  });
  const found = await rows.byNaturalKey(descriptor, connectionId, wanted);
  if (found.length > 1) throw new Error(`${found.length} local rows share the name “${wanted}”`);
  return found[0];
}

function outboxEntry(entry: OutboxRow): LabOutboxEntry {
  return {
    seq: entry.seq ?? null,
    recordKey: entry.recordKey,
    kind: entry.kind,
    state: entry.state,
    attempts: entry.attempts,
    outcomeUnknown: entry.outcomeUnknown,
    lastError: entry.lastError ? `${entry.lastError.kind}: ${entry.lastError.message}` : null,
    conflict: entry.conflict?.kind ?? null,
    paths: entry.kind === 'update' ? entry.changed.map((change) => change.path) : null,
  };
}

const syncLab: SyncLabApi = {
  setupConnections: (config) => setupConnections(api, config),

  async start(options) {
    if (lab) throw new Error('The sync lab is already running; reload the page to restart it.');
    online = options.online;
    // The app's journal, over the real IPC (uncounted: it is main's disk, not the network).
    const store = await openCustomerStore(databaseName, {
      journal: journalPortOf(window.fieldbook),
    });
    const list = await api.connections.list();
    if (!list.ok) throw new Error(`connections.list: ${list.error.message}`);
    const connections = new Map(list.value.connections.map((c) => [c.id, c]));
    const runner = createSettlingSyncRunner({
      store,
      adapterFor: (connection) => createSyncAdapter(api, connection),
      timing: labTiming,
      online: {
        isOnline: () => online,
        subscribe: (listener) => {
          onlineListeners.add(listener);
          return () => onlineListeners.delete(listener);
        },
      },
      onAuthChanged: (listener) => api.on('auth.changed', listener),
    });
    // As the app does: the engine sees a connection once its store and journal are level.
    const gate = createJournalGate(store, {
      report: (outcome) => {
        restored += outcome.restored;
      },
      failed: (message) => {
        throw new Error(`The journal could not be reconciled: ${message}`);
      },
    });
    await gate.pass([...connections.values()], (list) => runner.setConnections(list));
    lab = { store, runner, connections };
    return listConnectionIds(api);
  },

  setOnline(value) {
    online = value;
    for (const listener of onlineListeners) listener(value);
  },

  async createCustomer(connectionId, fields) {
    const { store } = started();
    const descriptor = descriptorOf(connectionId);
    const record = newRecord(connectionId, fields);
    const key = await store.createCustomer(descriptor, connectionId, record);
    const row = await store.getCustomer(connectionId, key);
    if (!row) throw new Error('The new customer is not in the store after its commit.');
    return labRow(descriptor, row);
  },

  async editCustomer(connectionId, ref, edits) {
    const { store } = started();
    const descriptor = descriptorOf(connectionId);
    // A completing create may re-key the row between our read and our save: find it again.
    for (let attempt = 0; ; attempt += 1) {
      const row = await findRow(connectionId, ref);
      if (!row) throw new Error(`No local row for ${JSON.stringify(ref)}`);
      const record = applyChanges(row.record, edits);
      try {
        await store.saveCustomer(descriptor, connectionId, row.key, record);
      } catch (error) {
        if (attempt < 3 && !(await store.getCustomer(connectionId, row.key))) continue;
        throw error;
      }
      const saved = await findRow(connectionId, { ...ref, key: row.key });
      if (!saved) throw new Error('The edited customer is not in the store after its commit.');
      return labRow(descriptor, saved);
    }
  },

  async findRow(connectionId, ref) {
    const row = await findRow(connectionId, ref);
    return row ? labRow(descriptorOf(connectionId), row) : null;
  },

  async listOutbox(connectionId) {
    return (await started().store.listOutbox(connectionId)).map(outboxEntry);
  },

  async conflicts(connectionId) {
    const { store } = started();
    const descriptor = descriptorOf(connectionId);
    const found: LabConflict[] = [];
    for (const entry of await store.listOutbox(connectionId)) {
      if (entry.state !== 'conflict' || !entry.conflict) continue;
      const row = await store.getCustomer(connectionId, entry.recordKey);
      found.push({
        key: entry.recordKey,
        serverId: row?.serverId ?? null,
        name: row ? descriptor.displayName(row.record) : '',
        kind: entry.conflict.kind,
        fields: entry.conflict.kind === 'fields' ? [...entry.conflict.conflicts] : [],
      });
    }
    return found;
  },

  async resolve(connectionId, key, choices) {
    const { store, runner } = started();
    const descriptor = descriptorOf(connectionId);
    const lookups = await store.getLookups(connectionId);
    const result = await store.resolveConflict(descriptor, connectionId, key, choices, lookups);
    runner.syncNow(connectionId);
    return result.ok ? { ok: true } : { ok: false, errors: result.errors };
  },

  activity() {
    const current = lab;
    return {
      inFlight: counter.inFlight,
      sentWhileOffline: counter.sentWhileOffline,
      statuses: current
        ? [...current.connections.keys()].flatMap((id) => current.runner.status(id) ?? [])
        : [],
    };
  },

  async lastPulls() {
    const { store, connections } = started();
    const ids = [...connections.keys()];
    const metas = await Promise.all(ids.map((id) => store.getMeta(id)));
    return Object.fromEntries(ids.map((id, index) => [id, metas[index]?.lastPullAt ?? null]));
  },

  restored: () => restored,

  async syncNow() {
    started().runner.syncNow();
  },
  settled: () => started().runner.settled(),
};

(window as unknown as { syncLab: SyncLabApi }).syncLab = syncLab;
