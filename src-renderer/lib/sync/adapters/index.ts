// The renderer's sync adapters (docs/connectors.md#descriptors-and-sync-adapters): one folder per
// connector, each wrapping that connector's IPC family. `createSyncAdapter` picks a connection's
// adapter from the registry below: adding a connector is adding its line there.
import type { ConnectionView, ConnectorKind } from '../../../../src-shared/connection';
import type { RecordOfKind } from '../../../../src-shared/connectors';
import type { FieldbookApi } from '../../../../src-shared/ipc/fieldbook-api';
import type { SyncAdapter } from '../sync-adapter';
import type { AdapterEntry } from './adapter-entry';
import { r2AdapterEntry, type R2AdapterOptions } from './r2';
import { revnueAdapterEntry } from './revnue-v2';

export { createR2Adapter, R2_PULL_PAGE_SIZE, type R2AdapterOptions } from './r2';
export { createRevnueAdapter, type RevnueAdapterOptions } from './revnue-v2';

/** One adapter entry per registered kind: a kind without one does not compile. */
const adapterEntries = {
  [revnueAdapterEntry.kind]: revnueAdapterEntry,
  [r2AdapterEntry.kind]: r2AdapterEntry,
} satisfies { [K in ConnectorKind]: AdapterEntry<K, object> };

/** Options for any adapter; each reads its own (R2: the pull's page size). */
export type AdapterOptions = R2AdapterOptions;

/** Any connector's adapter; each one also fits `SyncAdapter<unknown>` for the engine. */
export type AnySyncAdapter = { [K in ConnectorKind]: SyncAdapter<RecordOfKind[K]> }[ConnectorKind];

export function createSyncAdapter(
  api: FieldbookApi,
  connection: ConnectionView,
  options: AdapterOptions = {},
): AnySyncAdapter {
  // The entry of the connection's own kind, which takes connections of that kind.
  const entry = adapterEntries[connection.kind] as AdapterEntry<ConnectorKind, AdapterOptions>;
  return entry.createAdapter(api, connection as never, options) as AnySyncAdapter;
}
