// IndexedDB failures in plain words: a full disk, a closed database or an aborted
// transaction becomes a StoreError whose message a salesperson can act on; nothing is swallowed.
import { StoreError, type StoreErrorReason } from './customer-store';

/** What the store was doing: a salesperson's change, the sync's own writes, or a read. */
export type StoreActivity = 'change' | 'sync' | 'read';

const messages: Record<
  Exclude<StoreErrorReason, 'invalid' | 'not_found'>,
  Record<StoreActivity, string>
> = {
  quota: {
    change:
      'Your disk is full: this change could not be saved on this computer. Free some space and save again.',
    sync: 'Your disk is full: the latest changes from the server could not be stored on this computer. Free some space; Fieldbook will try again.',
    read: 'Your disk is full, so Fieldbook could not open its data on this computer. Free some space and try again.',
  },
  closed: {
    change:
      'Fieldbook’s local database was closed (the app may be updating or shutting down), so this change was not saved. Restart Fieldbook and save again; your earlier changes are kept.',
    sync: 'Fieldbook’s local database was closed (the app may be updating or shutting down). Restart Fieldbook; your saved changes are kept.',
    read: 'Fieldbook’s local database was closed (the app may be updating or shutting down). Restart Fieldbook; your saved changes are kept.',
  },
  aborted: {
    change: 'Saving on this computer was interrupted, so nothing was changed. Save again.',
    sync: 'Storing the server’s data on this computer was interrupted; nothing was changed and Fieldbook will try again.',
    read: 'Reading Fieldbook’s data on this computer was interrupted. Try again.',
  },
  unknown: {
    change: 'This change could not be saved on this computer, so nothing was changed. Save again.',
    sync: 'The server’s data could not be stored on this computer; nothing was changed and Fieldbook will try again.',
    read: 'Fieldbook could not read its data on this computer. Try again.',
  },
};

/** The error as a StoreError with a plain sentence; a StoreError passes through unchanged. */
export function toStoreError(error: unknown, activity: StoreActivity): StoreError {
  if (error instanceof StoreError) return error;
  const reason = reasonOf(error);
  const detail = detailOf(error);
  const message = messages[reason][activity];
  return new StoreError(
    reason === 'unknown' && detail ? `${message} (${detail})` : message,
    reason,
    error,
  );
}

const closedNames = new Set(['DatabaseClosedError', 'InvalidStateError', 'VersionChangeError']);
const abortedNames = new Set([
  'AbortError',
  'TransactionInactiveError',
  'PrematureCommitError',
  'TimeoutError',
]);

/**
 * Dexie wraps the browser's error (`inner`), bulk operations collect several (`failures`), and a
 * transaction aborted by a failed write reports AbortError with the real cause inside — so the
 * whole tree is searched, and a full disk wins over the abort it caused.
 */
function reasonOf(error: unknown): Exclude<StoreErrorReason, 'invalid' | 'not_found'> {
  const names = new Set<string>();
  collectNames(error, names, 0);
  if (names.has('QuotaExceededError')) return 'quota';
  if ([...names].some((name) => closedNames.has(name))) return 'closed';
  if ([...names].some((name) => abortedNames.has(name))) return 'aborted';
  return 'unknown';
}

function collectNames(error: unknown, names: Set<string>, depth: number): void {
  if (depth > 5 || typeof error !== 'object' || error === null) return;
  const { name, inner, cause, failures } = error as {
    name?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (typeof name === 'string') names.add(name);
  collectNames(inner, names, depth + 1);
  collectNames(cause, names, depth + 1);
  const failureList: unknown[] = Array.isArray(failures)
    ? failures
    : failures && typeof failures === 'object'
      ? Object.values(failures)
      : [];
  for (const failure of failureList) collectNames(failure, names, depth + 1);
}

function detailOf(error: unknown): string | undefined {
  if (error instanceof Error && error.message) return error.message.slice(0, 200);
  return typeof error === 'string' ? error.slice(0, 200) : undefined;
}
