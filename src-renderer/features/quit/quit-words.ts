// The words of the quit dialog and of "Sign out" with changes waiting: how many changes wait, and
// why a sync before quitting left some behind — from the sync status the engine reports.
import type { SyncStatus } from '../../lib/sync/sync-status';

/** "1 change waits to sync." / "3 changes wait to sync." */
export function waitingSentence(waiting: number): string {
  return waiting === 1 ? '1 change waits to sync.' : `${waiting} changes wait to sync.`;
}

/** "1 change" / "3 changes". */
export function changesCount(waiting: number): string {
  return waiting === 1 ? '1 change' : `${waiting} changes`;
}

/** Why a connection's changes did not all reach the server when its sync stopped. */
export function leftBehindReason(status: SyncStatus | undefined, connectionName: string): string {
  if (!status) return `${connectionName} did not start syncing`;
  if (status.phase === 'paused') {
    if (status.pauseReason === 'offline') return 'this computer is offline';
    if (status.pauseReason === 'signed_out') return `${connectionName} is signed out`;
    return 'another Fieldbook window is syncing them';
  }
  if (status.phase === 'waiting') {
    return `${connectionName}: ${status.waitReason ?? status.lastError ?? 'the server will be tried again later'}`;
  }
  if (status.phase === 'closed') return `${connectionName} stopped syncing`;
  if (status.lastError) return `${connectionName}: ${status.lastError}`;
  // A run ended with changes still waiting: conflicts or changes the server refused.
  return `${connectionName} has changes that need you (see Changes)`;
}
