// "Edit selected": one field set to one value on many customers, each exactly as the editor's
// save of that customer would queue it (writeEdit: the same diff, coalescing, re-queued rejection,
// guarantees). One strict transaction per call, so a batch is all or nothing and a customer is
// never half-written; its changes are journalled like a single save's. The caller batches and
// yields between calls (lib/state/bulk-edit.ts).
import { rowTables } from './schema';
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../src-shared/connectors/descriptor';
import { deepEqual } from '../../../src-shared/sync/values';
import { getIn, locOf, setIn } from '../forms/draft-path';
import {
  StoreError,
  type BulkBatchResult,
  type FieldChange,
  type RefusedCustomer,
} from './customer-store';
import { commitWithJournal } from './journal-early';
import { stampChange } from './journal-stamp';
import { storable, writeEdit } from './local-changes';
import { guarded, type StoreContext } from './store-context';
import { rowOf, rowsOf } from './customer-rows';

export function setFieldOfMany<T>(
  ctx: StoreContext,
  descriptor: ConnectorDescriptor<T>,
  connectionId: string,
  keys: readonly string[],
  change: FieldChange,
): Promise<BulkBatchResult> {
  return guarded('change', async () => {
    const { strict: db } = ctx;
    const loc = locOf([], change.path);
    // Like a single save, the batch's changes reach main's change journal (docs/journal.md): the
    // append starts inside the transaction and the batch counts as saved once both are on disk.
    const result = await commitWithJournal(ctx, connectionId, (start) =>
      db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
        const written: string[] = [];
        let queued = 0;
        let unchanged = 0;
        let missing = 0;
        const refused: RefusedCustomer[] = [];
        // All rows in one read: with packed pages each page is decoded once for all its keys,
        // not once per key. A key named twice is read again, after its first write.
        const firstRead = await rowsOf<T>(db, connectionId, keys);
        const seen = new Set<string>();
        for (const [index, key] of keys.entries()) {
          const row = seen.has(key) ? await rowOf<T>(db, connectionId, key) : firstRead[index];
          seen.add(key);
          if (!row) {
            missing += 1;
            continue;
          }
          // The value in the record's canonical form, as the editor's save would store it.
          const drafted = setIn(row.record, loc, change.value);
          const wanted = getIn(descriptor.normalizeDraft(drafted, change.lookups), loc);
          if (deepEqual(getIn(row.record, loc), wanted)) {
            unchanged += 1;
            continue;
          }
          // Only this field changes, whatever else normalizing would tidy.
          const next = descriptor.prepareForStore(setIn(row.record, loc, wanted));
          const problem = problemOf(descriptor, next, change.lookups);
          if (problem) {
            refused.push({ key, name: descriptor.displayName(row.record), reason: problem });
            continue;
          }
          if (await writeEdit(ctx, descriptor, row, storable(descriptor, next))) {
            queued += 1;
            written.push(key);
          } else unchanged += 1;
        }
        if (written.length > 0) start(await stampChange(db, connectionId, written));
        return { queued, unchanged, missing, refused };
      }),
    );
    if (result.queued > 0) ctx.notify(connectionId, 'local');
    return result;
  });
}

/** Why the editor would not save `record` (its own check and the store's), or null. */
function problemOf<T>(
  descriptor: ConnectorDescriptor<T>,
  record: T,
  lookups: ConnectorLookups,
): string | null {
  const checked = descriptor.validate(record, lookups);
  if (!checked.ok) return Object.values(checked.errors).flat().join(' ');
  try {
    storable(descriptor, record);
    return null;
  } catch (error) {
    if (error instanceof StoreError) return error.message;
    throw error;
  }
}
