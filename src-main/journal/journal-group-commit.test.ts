// Group commit: appends that arrive while a write and fdatasync are under way share the next
// fdatasync, and none of them answers before the bytes it carries are synced.
import { readFileSync } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createJournalStore, type JournalStore } from './journal-store';
import { batch, waitingRecord } from '../../src-shared/journal/test-support/journal-records';

interface HeldSync {
  /** The file's text when the fdatasync began: what that sync makes durable. */
  readonly fileAtStart: string;
  release(failure?: Error): void;
}

let dir: string;
let journal: JournalStore;
let syncs: HeldSync[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-journal-group-'));
  journal = createJournalStore({ userDataDir: dir, log: () => {} });
  syncs = [];
  // FileHandle is not exported as a class: take its prototype from a handle.
  const probe = await open(join(dir, 'probe'), 'w');
  const prototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const datasync = prototype.datasync;
  vi.spyOn(prototype, 'datasync').mockImplementation(async function (this: FileHandle) {
    const fileAtStart = readFileSync(journal.pathOf('c1'), 'utf8');
    const outcome = await new Promise<Error | undefined>((resolve) =>
      syncs.push({ fileAtStart, release: resolve }),
    );
    if (outcome) throw outcome;
    return datasync.call(this);
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const saveOf = (key: string, seq: number) => batch('c1', seq, [waitingRecord('c1', key, [key])]);

/** Starts an append and records when it answers (or fails). */
function track(promise: Promise<unknown>) {
  const state = { settled: false, failed: null as unknown };
  promise.then(
    () => (state.settled = true),
    (error: unknown) => {
      state.settled = true;
      state.failed = error;
    },
  );
  return state;
}

describe('group commit', () => {
  test('appends made during a sync share the next one and answer only once it is done', async () => {
    const first = track(journal.append(saveOf('local-a', 1)));
    await vi.waitFor(() => expect(syncs).toHaveLength(1));
    const later = [
      track(journal.append(saveOf('local-b', 2))),
      track(journal.append(saveOf('local-c', 3))),
      track(journal.append(saveOf('local-d', 4))),
    ];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(first.settled).toBe(false);
    expect(later.some((append) => append.settled)).toBe(false);

    syncs[0]!.release();
    await vi.waitFor(() => expect(first.settled).toBe(true));
    // One write and one sync for the three that waited, holding all three.
    await vi.waitFor(() => expect(syncs).toHaveLength(2));
    for (const key of ['local-b', 'local-c', 'local-d']) expect(syncs[1]!.fileAtStart).toMatch(key);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(later.some((append) => append.settled)).toBe(false);

    syncs[1]!.release();
    await vi.waitFor(() => expect(later.every((append) => append.settled)).toBe(true));
    expect([first, ...later].map((append) => append.failed)).toEqual([null, null, null, null]);
    expect(syncs).toHaveLength(2);

    vi.restoreAllMocks();
    await journal.close();
    journal = createJournalStore({ userDataDir: dir, log: () => {} });
    const read = await journal.read('c1');
    expect(read.records.map((record) => record.recordKey)).toEqual([
      'local-a',
      'local-b',
      'local-c',
      'local-d',
    ]);
  });

  test('when the shared sync fails, every append of its group fails', async () => {
    const first = track(journal.append(saveOf('local-a', 1)));
    await vi.waitFor(() => expect(syncs).toHaveLength(1));
    const later = [
      track(journal.append(saveOf('local-b', 2))),
      track(journal.append(saveOf('local-c', 3))),
    ];
    syncs[0]!.release();
    await vi.waitFor(() => expect(syncs).toHaveLength(2));
    syncs[1]!.release(Object.assign(new Error('I/O error'), { code: 'EIO' }));
    await vi.waitFor(() => expect(later.every((append) => append.settled)).toBe(true));
    expect(first.failed).toBeNull();
    expect(later.map((append) => (append.failed as NodeJS.ErrnoException).code)).toEqual([
      'EIO',
      'EIO',
    ]);
  });

  test('a rewrite asked for between appends keeps its place: later appends come after it', async () => {
    const first = track(journal.append(saveOf('local-a', 1)));
    await vi.waitFor(() => expect(syncs).toHaveLength(1));
    const queuedBefore = track(journal.append(saveOf('local-b', 2)));
    const rewritten = journal.rewrite('c1', 10, [waitingRecord('c1', 'local-z', ['Z'])]);
    const queuedAfter = track(journal.append(saveOf('local-c', 11)));
    syncs[0]!.release();
    await vi.waitFor(() => expect(syncs).toHaveLength(2));
    syncs[1]!.release();
    await rewritten;
    await vi.waitFor(() => expect(syncs).toHaveLength(3));
    syncs[2]!.release();
    await vi.waitFor(() => expect(queuedAfter.settled).toBe(true));
    expect([first.failed, queuedBefore.failed, queuedAfter.failed]).toEqual([null, null, null]);
    // local-a and local-b went before the rewrite, which replaced them; local-c came after it.
    expect((await journal.read('c1')).records.map((record) => record.recordKey)).toEqual([
      'local-z',
      'local-c',
    ]);
  });
});
