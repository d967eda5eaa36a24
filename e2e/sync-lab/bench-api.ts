// What the bench page (page/bench-entry.ts) adds on `window.benchLab` for `npm run bench`, beside
// the lab's `window.syncLab`; types only, so bench/ can name them too.
import type { OfflineScope } from '../../src-shared/connectors/descriptor';

/** One connection, either API: the sync benchmarks measure one account at a time. */
export type BenchConnectionConfig =
  | { kind: 'revnue-v2'; name: string; baseUrl: string; company: number; token: string }
  | {
      kind: 'r2';
      name: string;
      baseUrl: string;
      tokenEndpoint: string;
      clientId: string;
      clientSecret: string;
    };

/** The engine entered `phase` at `at` (the page's performance.now(), ms). */
export interface PhaseMark {
  readonly phase: string;
  readonly at: number;
  /** Changes still waiting at that moment. */
  readonly waiting: number;
}

export interface PhaseWatch {
  readonly marks: readonly PhaseMark[];
  /** When the awaited condition was first seen (performance.now(), ms). */
  readonly endedAt: number;
  readonly lastError: string | null;
}

/** A backlog to queue: edits of existing rows, or new customers with unique names. */
export type BenchWork =
  | { kind: 'updates'; keys: readonly string[]; path: string }
  | {
      kind: 'creates';
      count: number;
      fields: Readonly<Record<string, unknown>>;
      nameField: string;
      namePrefix: string;
    };

export interface BenchLabApi {
  /** Creates and signs in one connection; answers its id. */
  setupConnection(config: BenchConnectionConfig): Promise<string>;
  /** Sets the connection's offline scope before its first sync ('opened': no background GETs). */
  setOfflineScope(connectionId: string, scope: OfflineScope): Promise<void>;
  /**
   * Watches the connection's status until the outbox is empty ('drained') or a pull has begun and
   * ended ('pulled'); answers every phase change on the way with its time.
   */
  watchUntil(
    connectionId: string,
    until: 'drained' | 'pulled',
    timeoutMs: number,
  ): Promise<PhaseWatch>;
  /** Rows the store holds for the connection. */
  countRows(connectionId: string): Promise<number>;
  /** The keys of up to `limit` rows of the connection. */
  rowKeys(connectionId: string, limit: number): Promise<string[]>;
  /** Queues the work (each change its own durable commit); answers how many were queued. */
  queue(connectionId: string, work: BenchWork): Promise<number>;
  /**
   * `count` timed store.saveCustomer calls (ms each) after `warmUp` untimed ones; `journal` false
   * times the IndexedDB commit alone (the split of what a save waits for).
   */
  timeSaves(count: number, warmUp: number, journal?: boolean): Promise<number[]>;
}
