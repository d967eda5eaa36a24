// The sync lab plus what `npm run bench` needs on top (`window.benchLab`): one connection at a
// time, the offline scope, a phase watcher that timestamps the engine's phases in the page, and
// timed saves. Test-only like the lab itself: it imports the lab entry, then adds its hooks.
import './entry';
import { descriptorFor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import { applyChanges } from '../../../src-shared/sync/apply';
import { openCustomerStore } from '../../../src-renderer/lib/db/dexie-customer-store';
import { journalPortOf } from '../../../src-renderer/lib/sync/journal-port';
import { rowCountOf, rowsInKeyOrder } from '../../../src-renderer/lib/db/customer-rows';
import { FieldbookDatabase } from '../../../src-renderer/lib/db/schema';
import type { OfflineScope } from '../../../src-shared/connectors/descriptor';
import type { BenchLabApi, PhaseMark } from '../bench-api';
import type { SyncLabApi } from '../lab-api';
import { setupOneConnection } from './bench-connections';

/** The lab's own database name (entry.ts): the hooks open a second handle on the same store. */
const labDatabase = 'fieldbook';

const syncLab = () => (window as unknown as { syncLab: SyncLabApi }).syncLab;

const benchLab: BenchLabApi = {
  setupConnection: (config) => setupOneConnection(window.fieldbook, config),

  async setOfflineScope(connectionId, scope: OfflineScope) {
    const store = openCustomerStore(labDatabase);
    try {
      await store.putMeta({ ...(await store.getMeta(connectionId)), offlineScope: scope });
    } finally {
      store.close();
    }
  },

  // Polled in the page (not over the DevTools protocol) so a phase change is seen within a few
  // milliseconds of the engine announcing it.
  async watchUntil(connectionId, until, timeoutMs) {
    const marks: PhaseMark[] = [];
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const status = syncLab()
        .activity()
        .statuses.find((s) => s.connectionId === connectionId);
      const at = performance.now();
      const phase = status?.phase ?? 'none';
      const last = marks.at(-1);
      if (phase !== last?.phase) marks.push({ phase, at, waiting: status?.waiting ?? 0 });
      const reached =
        until === 'drained'
          ? status !== undefined && status.waiting === 0
          : marks.some((m) => m.phase === 'pulling') && phase !== 'pulling';
      if (reached) return { marks, endedAt: at, lastError: status?.lastError ?? null };
      if (at > deadline) {
        throw new Error(`not ${until} after ${timeoutMs} ms: ${JSON.stringify(status)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  },

  async countRows(connectionId) {
    // Through the store's read path: rows are own rows or packed summary pages.
    const db = new FieldbookDatabase(labDatabase, 'relaxed');
    try {
      return await rowCountOf(db, connectionId);
    } finally {
      db.close();
    }
  },

  async rowKeys(connectionId, limit) {
    const db = new FieldbookDatabase(labDatabase, 'relaxed');
    try {
      const rows = await rowsInKeyOrder(db, connectionId, null, limit);
      return rows.map((row) => row.key);
    } finally {
      db.close();
    }
  },

  async queue(connectionId, work) {
    const lab = syncLab();
    if (work.kind === 'updates') {
      for (const [i, key] of work.keys.entries()) {
        await lab.editCustomer(connectionId, { key }, [{ path: work.path, value: `Bench ${i}` }]);
      }
      return work.keys.length;
    }
    for (let i = 0; i < work.count; i += 1) {
      await lab.createCustomer(connectionId, {
        ...work.fields,
        [work.nameField]: `${work.namePrefix} ${i}`,
      });
    }
    return work.count;
  },

  async timeSaves(count, warmUp, journal = true) {
    // A database of its own, so no sync engine touches these rows while they are timed; the
    // app's journal in main (a save is durable once both have synced to disk), which keeps
    // changes only for a connection that exists.
    const store = openCustomerStore(
      `fieldbook-bench-saves-${Date.now()}`,
      journal ? { journal: journalPortOf(window.fieldbook) } : {},
    );
    const descriptor = descriptorFor('r2') as ConnectorDescriptor<unknown>;
    const listed = await window.fieldbook.connections.list();
    const connectionId = listed.ok ? listed.value.connections[0]?.id : undefined;
    if (!connectionId) throw new Error('The save bench needs a connection for the journal.');
    try {
      const keys: string[] = [];
      for (let i = 0; i < count + warmUp; i += 1) {
        const record = { ...(descriptor.emptyRecord() as object), companyname: `Save bench ${i}` };
        keys.push(await store.createCustomer(descriptor, connectionId, record));
      }
      const durations: number[] = [];
      for (const [i, key] of keys.entries()) {
        const row = await store.getCustomer(connectionId, key);
        if (!row) throw new Error(`row ${key} vanished`);
        const record = applyChanges(row.record, [{ path: 'address.city', value: `City ${i}` }]);
        const started = performance.now();
        await store.saveCustomer(descriptor, connectionId, key, record);
        if (i >= warmUp) durations.push(performance.now() - started);
      }
      return durations;
    } finally {
      store.close();
    }
  },
};

(window as unknown as { benchLab: BenchLabApi }).benchLab = benchLab;
