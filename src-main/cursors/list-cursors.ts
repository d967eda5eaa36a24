// Open list reads that the renderer pages through by cursor id (Revnue's unpaged customer list):
// each cursor belongs to one connection and to the window that opened it, closes itself when left
// idle, and closes with its connection (signed out, deleted). Answers are Results, never throws.
import { fail, type Result } from '../../src-shared/ipc/result';
import type { Clock } from '../../src-shared/time/clock';

/** What a cursor reads from: the next at most `max` items, and whether the list has ended. */
export interface PageSource<T> {
  next(max: number): Promise<Result<{ items: T[]; done: boolean }>>;
  close(): void;
}

export interface CursorOwner {
  connectionId: string;
  /** The window that opened it (Electron: its webContents); only it may read or close it. */
  window: string;
}

export interface ListCursors<T> {
  open(owner: CursorOwner, source: PageSource<T>): string;
  next(
    owner: CursorOwner,
    cursor: string,
    max: number,
  ): Promise<Result<{ items: T[]; done: boolean }>>;
  close(owner: CursorOwner, cursor: string): void;
  /** Signed out or deleted: every cursor of the connection closes at once. */
  closeConnection(connectionId: string): void;
  closeAll(): void;
  /** How many are open (for tests and the memory benchmark's sanity). */
  size(): number;
}

export interface ListCursorsOptions {
  clock: Clock;
  /**
   * A cursor nobody asked for this long is closed. Generous: between two pages the sync sends the
   * waiting changes first, which at Revnue's pace of 40 requests a minute can take minutes.
   */
  idleMs?: number;
  /** Cursors one window may hold per connection; opening one more closes the oldest. */
  maxPerOwner?: number;
  /** Words for "this cursor is gone", as the renderer will show them. */
  goneMessage?: string;
}

export const DEFAULT_CURSOR_IDLE_MS = 5 * 60_000;
const DEFAULT_MAX_PER_OWNER = 4;

interface OpenCursor<T> {
  readonly owner: CursorOwner;
  readonly source: PageSource<T>;
  stopTimer: () => void;
  /** Reads of one cursor run one after another, in the order they were asked for. */
  reading: Promise<unknown>;
}

export function createListCursors<T>(options: ListCursorsOptions): ListCursors<T> {
  const idleMs = options.idleMs ?? DEFAULT_CURSOR_IDLE_MS;
  const maxPerOwner = options.maxPerOwner ?? DEFAULT_MAX_PER_OWNER;
  const goneMessage =
    options.goneMessage ??
    'This list is no longer open (it was read to its end, closed, or left unread too long). The next sync reads it again.';
  // A Map keeps insertion order: the first entries of an owner are its oldest cursors.
  const cursors = new Map<string, OpenCursor<T>>();

  const sameOwner = (a: CursorOwner, b: CursorOwner) =>
    a.connectionId === b.connectionId && a.window === b.window;

  function remove(id: string): void {
    const cursor = cursors.get(id);
    if (!cursor) return;
    cursors.delete(id);
    cursor.stopTimer();
    cursor.source.close();
  }

  function armTimer(id: string, cursor: OpenCursor<T>): void {
    cursor.stopTimer();
    cursor.stopTimer = options.clock.schedule(() => remove(id), idleMs);
  }

  /** Someone else's cursor answers exactly like an unknown one: nothing to learn from probing. */
  function find(owner: CursorOwner, id: string): OpenCursor<T> | undefined {
    const cursor = cursors.get(id);
    return cursor && sameOwner(cursor.owner, owner) ? cursor : undefined;
  }

  return {
    open(owner, source) {
      const mine = [...cursors].filter(([, cursor]) => sameOwner(cursor.owner, owner));
      for (const [id] of mine.slice(0, Math.max(0, mine.length - maxPerOwner + 1))) remove(id);
      const id = crypto.randomUUID();
      const cursor: OpenCursor<T> = {
        owner,
        source,
        stopTimer: () => {},
        reading: Promise.resolve(),
      };
      cursors.set(id, cursor);
      armTimer(id, cursor);
      return id;
    },

    async next(owner, id, max) {
      const cursor = find(owner, id);
      if (!cursor) return fail('not_found', goneMessage);
      const read = cursor.reading.then(async () => {
        if (cursors.get(id) !== cursor) return fail('not_found', goneMessage);
        cursor.stopTimer();
        let page: Result<{ items: T[]; done: boolean }>;
        try {
          page = await cursor.source.next(max);
        } catch (error) {
          remove(id);
          throw error;
        }
        // The end of the list or a failure: nothing more will come, so the cursor is done.
        if (!page.ok || page.value.done) remove(id);
        else if (cursors.get(id) === cursor) armTimer(id, cursor);
        return page;
      });
      cursor.reading = read.catch(() => undefined);
      return read;
    },

    close(owner, id) {
      if (find(owner, id)) remove(id);
    },

    closeConnection(connectionId) {
      for (const [id, cursor] of [...cursors]) {
        if (cursor.owner.connectionId === connectionId) remove(id);
      }
    },

    closeAll() {
      for (const id of [...cursors.keys()]) remove(id);
    },

    size: () => cursors.size,
  };
}
