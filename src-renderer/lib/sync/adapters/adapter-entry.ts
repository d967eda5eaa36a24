// What a connector folder under lib/sync/adapters/ exports for the sync engine: how to build the
// sync adapter of one of its connections (docs/architecture.md#adding-a-connector).
import type { ConnectionView, ConnectorKind } from '../../../../src-shared/connection';
import type { RecordOfKind } from '../../../../src-shared/connectors';
import type { FieldbookApi } from '../../../../src-shared/ipc/fieldbook-api';
import type { SyncAdapter } from '../sync-adapter';

export type ConnectionViewOf<K extends ConnectorKind> = Extract<ConnectionView, { kind: K }>;

export interface AdapterEntry<K extends ConnectorKind, O extends object> {
  readonly kind: K;
  createAdapter(
    api: FieldbookApi,
    connection: ConnectionViewOf<K>,
    options?: O,
  ): SyncAdapter<RecordOfKind[K]>;
}
