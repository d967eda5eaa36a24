// The status bar's sentences, from the engine's SyncStatus: what it is doing, with counts.
import type { SyncStatus } from '../../lib/sync/sync-status';

export function waitingWords(waiting: number): string {
  if (waiting === 0) return 'No changes waiting';
  return waiting === 1 ? '1 change waiting' : `${waiting} changes waiting`;
}

/** What the progress bar is counting, or null when nothing runs. */
export function progressWords(status: SyncStatus): string | null {
  // Before the first answer of a list with no total (Revnue's single request) there is no count
  // yet: "…" says it is under way, where "0" read as stuck.
  const of =
    status.total !== null
      ? `: ${status.done} of ${status.total}`
      : status.done === 0
        ? '…'
        : `: ${status.done}`;
  switch (status.phase) {
    case 'pulling':
      return `Downloading customers${of}`;
    case 'hydrating':
      return `Downloading full records${of}`;
    case 'pushing':
      return `Sending changes${of}`;
    case 'idle':
    case 'waiting':
    case 'paused':
    case 'closed':
      return null;
  }
}

export function pauseWords(status: SyncStatus): string | null {
  if (status.phase !== 'paused') return null;
  switch (status.pauseReason) {
    case 'signed_out':
      return 'Sync paused: sign in to continue. Your changes are kept.';
    case 'offline':
      return 'Sync paused while offline. Your changes are kept on this computer.';
    case 'another_window':
      return 'Another Fieldbook window is syncing.';
    case null:
      return 'Sync paused.';
  }
}

export function lastSyncWords(at: number | null): string {
  if (at === null) return 'Not synced yet';
  const when = new Date(at);
  const today = new Date().toDateString() === when.toDateString();
  return `Last synced ${today ? when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : when.toLocaleString()}`;
}
