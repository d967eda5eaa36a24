// The renderer's sync adapters (docs/connectors.md#descriptors-and-sync-adapters): one per
// connector, each wrapping that connector's IPC family. `createSyncAdapter` is the one place a
// connection's kind picks its adapter.
import type { R2CustomerRecord } from '../../../../src-shared/api/r2';
import type { RevnueCustomerRecord } from '../../../../src-shared/api/revnue-v2';
import type { ConnectionView } from '../../../../src-shared/connection';
import type { FieldbookApi } from '../../../../src-shared/ipc/fieldbook-api';
import type { SyncAdapter } from '../sync-adapter';
import { createR2Adapter, type R2AdapterOptions } from './r2-adapter';
import { createRevnueAdapter } from './revnue-adapter';

export { createR2Adapter, R2_PULL_PAGE_SIZE, type R2AdapterOptions } from './r2-adapter';
export { createRevnueAdapter, type RevnueAdapterOptions } from './revnue-adapter';

export type AdapterOptions = R2AdapterOptions;

/** Any connector's adapter; each one also fits `SyncAdapter<unknown>` for the engine. */
export type AnySyncAdapter = SyncAdapter<RevnueCustomerRecord> | SyncAdapter<R2CustomerRecord>;

export function createSyncAdapter(
  api: FieldbookApi,
  connection: ConnectionView,
  options: AdapterOptions = {},
): AnySyncAdapter {
  switch (connection.kind) {
    case 'revnue-v2':
      return createRevnueAdapter(api, connection);
    case 'r2':
      return createR2Adapter(api, connection, options);
  }
}
