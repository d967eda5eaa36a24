// lib/state: the window's state as small Svelte 5 runes classes (`*.svelte.ts`), one per concern,
// with private $state behind getters and, where they listen, a dispose(); screens read them here.
//
// What every screen of a window shares, provided once by App.svelte through typed context
// (Svelte's createContext) so components read it instead of receiving it as props.
import { createContext } from 'svelte';
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { CustomerStore } from '../db/customer-store';
import type { SyncRunner } from '../sync/engine/sync-runner';
import type { ConnectionsState } from './connections.svelte';
import type { Navigation } from './navigation.svelte';
import type { SyncBoard } from './sync-board.svelte';

export interface AppContext {
  readonly api: FieldbookApi;
  /** The local store: every read and every change of customers and the outbox. */
  readonly store: CustomerStore;
  /** The sync runner of this profile: status per connection, "Sync now". */
  readonly runner: SyncRunner;
  readonly connections: ConnectionsState;
  readonly navigation: Navigation;
  /** Every connection's sync status and whether this computer is online (status bar). */
  readonly board: SyncBoard;
}

export const [getAppContext, setAppContext] = createContext<AppContext>();
