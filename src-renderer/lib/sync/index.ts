// Sync for the renderer: one runner per profile (across windows) driving one engine per
// connection between the local store and each connection's sync adapter (docs/sync.md).
export {
  createSyncRunner,
  type AuthChange,
  type SyncRunner,
  type SyncRunnerOptions,
} from './engine/sync-runner';
export { SyncEngine, type SyncEngineOptions } from './engine/sync-engine';
export type { EngineState } from './engine/sync-loop';
export type { OnlineSignal } from './engine/browser-signals';
export {
  defaultLockTiming,
  type Heartbeat,
  type LockManagerLike,
  type LockTiming,
} from './engine/profile-lock';
export type { PullCursor, PullPage, SyncAdapter } from './sync-adapter';
export {
  defaultSyncTiming,
  fullJitterBackoff,
  type PauseReason,
  type SyncPhase,
  type SyncStatus,
  type SyncTiming,
} from './sync-status';
