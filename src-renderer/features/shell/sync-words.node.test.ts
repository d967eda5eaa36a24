// The status bar's sentences: counts when there are any, "…" before the first one, none at rest.
import { expect, test } from 'vitest';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { progressWords, waitingWords } from './sync-words';

const status = (patch: Partial<SyncStatus>): SyncStatus => ({
  connectionId: 'c',
  phase: 'idle',
  pauseReason: null,
  nextAttemptAt: null,
  waitReason: null,
  done: 0,
  total: null,
  waiting: 0,
  lastSuccessAt: null,
  lastError: null,
  ...patch,
});

test('a download with no total yet says it is under way instead of counting 0', () => {
  expect(progressWords(status({ phase: 'pulling' }))).toBe('Downloading customers…');
  expect(progressWords(status({ phase: 'pulling', done: 1500 }))).toBe(
    'Downloading customers: 1500',
  );
  expect(progressWords(status({ phase: 'hydrating', done: 3, total: 40 }))).toBe(
    'Downloading full records: 3 of 40',
  );
  expect(progressWords(status({ phase: 'pushing', done: 0, total: 2 }))).toBe(
    'Sending changes: 0 of 2',
  );
  expect(progressWords(status({ phase: 'idle' }))).toBeNull();
});

test('changes waiting in words', () => {
  expect(waitingWords(0)).toBe('No changes waiting');
  expect(waitingWords(1)).toBe('1 change waiting');
  expect(waitingWords(12)).toBe('12 changes waiting');
});
