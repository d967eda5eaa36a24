// The Unibiz R2 connector as src-shared knows it (docs/architecture.md#unibiz-r2): its schemas and
// mappings (api/), sync shape and wire rules, descriptor, editor layout, connection settings and
// its part of the IPC contract, as ONE object the registry lists.
import type { SharedConnector } from '../shared-connector';
import type { R2CustomerRecord } from './api';
import { r2Channels } from './channels';
import { r2NewConnectionSchema } from './connection';
import { r2Contract } from './contract';
import { r2Descriptor } from './descriptor';

export const r2Connector = {
  kind: 'r2',
  shortName: 'Unibiz R2',
  descriptor: r2Descriptor,
  connection: r2NewConnectionSchema,
  contract: r2Contract,
  channels: r2Channels,
} as const satisfies SharedConnector<'r2', R2CustomerRecord>;
