// Real stored rows of pulled R2 summaries, built the way the app builds them: the sandbox's
// customers as list rows, through the wire (JSON) and the list schema main checks them with,
// folded into summaries and records by the adapter's code, and made into the row a first sync
// stores. The store-layouts lab writes copies of these.
import { generate } from '../../sandbox/sandbox-data';
import { rowsOf } from '../../sandbox/r2/list-rows';
import {
  r2CustomerSummariesFromRows,
  r2ListSchema,
  r2RecordFromSummary,
} from '../../src-shared/connectors/r2/api';
import { r2Descriptor } from '../../src-shared/connectors/r2/descriptor';

/** The app's connection ids are uuids: every key and index entry carries one. */
export const labConnectionId = '6f1c2a3e-8b4d-4c5e-9f60-7a8b9c0d1e2f';

export function appRowTemplates(customers: number): Record<string, unknown>[] {
  const { r2 } = generate(1, customers);
  const listRows = [...r2.customers.values()].flatMap(({ customer }) => [...rowsOf(customer)]);
  const parsed = r2ListSchema.parse(JSON.parse(JSON.stringify(listRows)));
  const now = Date.now();
  return r2CustomerSummariesFromRows(parsed).map((summary) => {
    // What `rowAfterPull` (src-renderer/lib/db/pulled-rows.ts) makes of a new summary; this
    // project cannot import the renderer's files, and a test there pins that shape.
    const record = r2Descriptor.prepareForStore(r2RecordFromSummary(summary));
    return {
      connectionId: labConnectionId,
      key: summary.recordid,
      serverId: summary.recordid,
      record,
      base: record,
      remote: null,
      remoteHydration: null,
      hydration: 'summary',
      syncState: 'synced',
      opened: false,
      fieldErrors: null,
      updatedAt: now,
      hydrateRank: 1,
    };
  });
}
