// What the sync lab page exposes on `window.syncLab` for `npm run test:sync` (types only, so the
// Node side can name them too). Records travel as plain JSON; paths are the sync core's.

export interface LabConnectionsConfig {
  revnue: { name: string; baseUrl: string; company: number; token: string };
  r2: {
    name: string;
    baseUrl: string;
    tokenEndpoint: string;
    clientId: string;
    clientSecret: string;
  };
}

/** Connection ids by the name the run gave them. */
export type LabConnectionIds = Readonly<Record<string, string>>;

export interface LabEdit {
  /** A sync-core field path, e.g. `city` or `address.city`. */
  readonly path: string;
  readonly value: unknown;
}

/** Which row an operation is about: its current key, or (for records this run created) fields
 * carrying its natural key — the key of a created record changes when the server gives it an id. */
export interface LabRowRef {
  readonly key?: string;
  readonly naturalFields?: Readonly<Record<string, unknown>>;
}

export interface LabRow {
  readonly key: string;
  readonly serverId: string | null;
  readonly name: string;
  readonly record: unknown;
  readonly syncState: string;
  readonly hydration: string;
}

export interface LabOutboxEntry {
  readonly seq: number | null;
  readonly recordKey: string;
  readonly kind: 'create' | 'update';
  readonly state: string;
  readonly attempts: number;
  readonly outcomeUnknown: boolean;
  readonly lastError: string | null;
  readonly conflict: 'fields' | 'deleted_on_server' | null;
  /** An update's changed paths (a create carries a whole record: null). */
  readonly paths: readonly string[] | null;
}

export interface LabConflict {
  readonly key: string;
  readonly serverId: string | null;
  readonly name: string;
  readonly kind: 'fields' | 'deleted_on_server';
  readonly fields: readonly { path: string; base: unknown; mine: unknown; theirs: unknown }[];
}

/** The part of the engine's SyncStatus (src-renderer/lib/sync/sync-status.ts) the run reads. */
export interface LabStatus {
  readonly connectionId: string;
  readonly phase: string;
  readonly pauseReason: string | null;
  readonly nextAttemptAt: number | null;
  readonly waiting: number;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
}

export interface LabActivity {
  /** IPC calls to main that have not answered yet (the lab counts them at window.fieldbook). */
  readonly inFlight: number;
  /** Customer operations sent while the lab said "offline" (the runner should send none). */
  readonly sentWhileOffline: number;
  readonly statuses: readonly LabStatus[];
}

export interface SyncLabApi {
  /** Creates the connections once (the harness profile keeps them) and signs them in. */
  setupConnections(config: LabConnectionsConfig): Promise<LabConnectionIds>;
  /** Opens the store and starts the runner for every connection main lists. */
  start(options: { online: boolean }): Promise<LabConnectionIds>;
  setOnline(online: boolean): void;
  /** Resolves once the new customer and its outbox entry are durably committed. */
  createCustomer(connectionId: string, fields: Record<string, unknown>): Promise<LabRow>;
  /** Sets `edits` on the row's current local record and saves it (one durable commit). */
  editCustomer(connectionId: string, ref: LabRowRef, edits: readonly LabEdit[]): Promise<LabRow>;
  findRow(connectionId: string, ref: LabRowRef): Promise<LabRow | null>;
  listOutbox(connectionId: string): Promise<LabOutboxEntry[]>;
  conflicts(connectionId: string): Promise<LabConflict[]>;
  /** Per conflict path 'mine' or 'theirs'; re-queues the entry and asks for a sync. */
  resolve(
    connectionId: string,
    key: string,
    choices: Readonly<Record<string, 'mine' | 'theirs'>>,
  ): Promise<{ ok: boolean; errors?: Record<string, string[]> }>;
  activity(): LabActivity;
  /** Per connection, when its store last finished a pull (null: not since the store was made). */
  lastPulls(): Promise<Readonly<Record<string, number | null>>>;
  /** Changes put back from main's change journal when this page started the lab. */
  restored(): number;
  syncNow(): Promise<void>;
  /** Every engine idle with nothing due (the runner's settled()). */
  settled(): Promise<void>;
}
