// Persistent storage: asks the browser engine never to evict Fieldbook's IndexedDB
// under disk pressure — it holds unsynced changes. Main grants exactly this one permission.

export type PersistenceOutcome = 'granted' | 'denied' | 'unsupported';

/** The part of `navigator.storage` this needs (a parameter, so tests can stand in for it). */
export type PersistentStorage = Pick<StorageManager, 'persist'> &
  Partial<Pick<StorageManager, 'persisted'>>;

/**
 * Requests persistence once at start-up. Never throws: a failed request is `denied`, a runtime
 * without the Storage API is `unsupported` — either way the app keeps working, and the caller can
 * tell the salesperson that the data could be evicted.
 */
export async function requestPersistence(
  storage: PersistentStorage | null = globalThis.navigator?.storage ?? null,
): Promise<PersistenceOutcome> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (await storage.persisted?.()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
