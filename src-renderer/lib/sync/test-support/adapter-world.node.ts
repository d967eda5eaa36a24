// Test world for the sync adapters, in Node: main's real services world (sandbox over real HTTP
// on loopback, IPC router, R2 signed in) with `window.fieldbook` built from the contract over the
// router, exactly as the preload builds it — and one adapter per sandbox connection.
import type { R2CustomerRecord } from '../../../../src-shared/connectors/r2/api';
import type { RevnueCustomerRecord } from '../../../../src-shared/connectors/revnue-v2/api';
import type { ConnectionView } from '../../../../src-shared/connection';
import { createFieldbookApi } from '../../../../src-shared/ipc/client';
import type { FieldbookApi } from '../../../../src-shared/ipc/fieldbook-api';
import {
  createServicesWorld,
  type ServicesWorld,
} from '../../../../src-main/services/test-support/services-world';
import { createR2Adapter, createRevnueAdapter, type AdapterOptions } from '../adapters';
import type { SyncAdapter } from '../sync-adapter';

export interface AdapterWorld {
  services: ServicesWorld;
  api: FieldbookApi;
  revnueConnection: ConnectionView & { kind: 'revnue-v2'; company: number };
  r2Connection: ConnectionView;
  revnue: SyncAdapter<RevnueCustomerRecord>;
  r2: SyncAdapter<R2CustomerRecord>;
  close(): Promise<void>;
}

export async function createAdapterWorld(
  options: Parameters<typeof createServicesWorld>[0] & { adapters?: AdapterOptions } = {},
): Promise<AdapterWorld> {
  const services = await createServicesWorld(options);
  // The same client the preload exposes, over main's router instead of Electron IPC.
  const api = createFieldbookApi(
    (channel, payload) => services.call(channel, payload as never),
    services.subscribe,
  );
  const listed = await api.connections.list();
  if (!listed.ok) throw new Error(`connections.list failed: ${listed.error.message}`);
  const byId = (id: string) => {
    const connection = listed.value.connections.find((candidate) => candidate.id === id);
    if (!connection) throw new Error(`no connection ${id}`);
    return connection;
  };
  const revnueConnection = byId(services.revnueId);
  const r2Connection = byId(services.r2Id);
  if (revnueConnection.kind !== 'revnue-v2') throw new Error('the sandbox Revnue connection');
  return {
    services,
    api,
    revnueConnection,
    r2Connection,
    revnue: createRevnueAdapter(api, revnueConnection),
    r2: createR2Adapter(api, r2Connection, options.adapters),
    close: () => services.close(),
  };
}
