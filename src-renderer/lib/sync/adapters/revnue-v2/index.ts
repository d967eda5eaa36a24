// The Revnue API v2 connector in the renderer: its sync adapter over the `revnue.*` operations
// (the whole list in pages, lookups, PUT). Its Settings form is in settings/ (Svelte, web only).
import { revnueV2Connector } from '../../../../../src-shared/connectors/revnue-v2';
import type { AdapterEntry } from '../adapter-entry';
import { createRevnueAdapter } from './adapter';

export { createRevnueAdapter, type RevnueAdapterOptions } from './adapter';

export const revnueAdapterEntry = {
  kind: revnueV2Connector.kind,
  // The page size the engine tunes is R2's; Revnue's list pages are main's own (2,000).
  createAdapter: (api, connection) => createRevnueAdapter(api, connection),
} satisfies AdapterEntry<'revnue-v2', object>;
