// Settling a "changed on both sides" conflict (docs/sync.md#the-local-store): the merge is rebuilt
// from what the entry kept (base, the salesperson's edit, the server's version), the descriptor
// applies the choices, and the entry becomes a pending update against the server's version.
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../src-shared/connectors/descriptor';
import { merge } from '../../../src-shared/sync/merge';
import { localStateOf } from '../../../src-shared/sync/outbox-entry';
import type { Choices } from '../../../src-shared/sync/resolve';
import type { UpdateRow } from './rows';

export type Resolution<T> =
  | {
      readonly ok: true;
      /** The server version the resolution was made against: the row's new snapshot. */
      readonly theirs: T;
      /** The entry to send, or null when the server already has everything (all 'theirs'). */
      readonly entry: UpdateRow<T> | null;
    }
  | { readonly ok: false; readonly errors: Record<string, string[]> };

export function resolveFieldsConflict<T>(
  descriptor: ConnectorDescriptor<T>,
  entry: UpdateRow<T>,
  choices: Choices,
  lookups: ConnectorLookups,
): Resolution<T> {
  if (entry.conflict?.kind !== 'fields') {
    return { ok: false, errors: { '': ['This change has no conflicting fields to resolve.'] } };
  }
  // The conflict was stored as data: it holds a record of this connector's shape.
  const theirs = entry.conflict.theirs as T;
  const result = merge(descriptor.shape, entry.base, localStateOf(entry), theirs);
  const resolved = descriptor.resolve(result, choices, lookups);
  if (!resolved.ok) return { ok: false, errors: resolved.errors };
  const changed = resolved.value.changedLocally;
  if (changed.length === 0) return { ok: true, theirs, entry: null };
  return {
    ok: true,
    theirs,
    entry: {
      ...entry,
      state: 'pending',
      base: theirs,
      changed,
      conflict: null,
      lastError: null,
      nextAttemptAt: null,
      // A new change against theirs: not sent yet, so later edits may fold into it.
      firstAttemptAt: null,
      outcomeUnknown: false,
    },
  };
}
