// The Unibiz R2 connector in the renderer: its sync adapter over the `r2.*` operations (pages of
// the joined list, by-ID records, PATCH). Its Settings form is in settings/ (Svelte, web only).
import { r2Connector } from '../../../../../src-shared/connectors/r2';
import type { AdapterEntry } from '../adapter-entry';
import { createR2Adapter, type R2AdapterOptions } from './adapter';

export { createR2Adapter, R2_PULL_PAGE_SIZE, type R2AdapterOptions } from './adapter';

export const r2AdapterEntry = {
  kind: r2Connector.kind,
  createAdapter: (api, connection, options: R2AdapterOptions = {}) =>
    createR2Adapter(api, connection, options),
} satisfies AdapterEntry<'r2', R2AdapterOptions>;
