// The Revnue API v2 connector as src-shared knows it (docs/architecture.md#revnue-api-v2): its
// schemas and mappings (api/), sync shape and wire rules, descriptor, editor layout and lookups,
// connection settings and its part of the IPC contract, as ONE object the registry lists.
import type { SharedConnector } from '../shared-connector';
import type { RevnueCustomerRecord } from './api';
import { revnueChannels } from './channels';
import { revnueNewConnectionSchema } from './connection';
import { revnueContract } from './contract';
import { revnueDescriptor } from './descriptor';

export const revnueV2Connector = {
  kind: 'revnue-v2',
  shortName: 'Revnue',
  descriptor: revnueDescriptor,
  connection: revnueNewConnectionSchema,
  contract: revnueContract,
  channels: revnueChannels,
} as const satisfies SharedConnector<'revnue-v2', RevnueCustomerRecord>;
