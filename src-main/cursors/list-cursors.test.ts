// List cursors: pages until the end, bound to the connection and window that opened them, closed
// when idle, closed with their connection, and never left open after the end or a failure.
import { describe, expect, test } from 'vitest';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import { createManualClock } from '../../src-shared/time/test-support/manual-clock';
import { createListCursors, DEFAULT_CURSOR_IDLE_MS, type PageSource } from './list-cursors';

/** A source of the numbers 1…count; `failAt` makes the read that reaches it fail. */
function numbers(count: number, failAt?: number) {
  let at = 0;
  const state = { closed: false, reads: 0 };
  const source: PageSource<number> = {
    async next(max): Promise<Result<{ items: number[]; done: boolean }>> {
      state.reads += 1;
      const items = [];
      while (items.length < max && at < count) {
        at += 1;
        if (at === failAt) return fail('bad_response', 'customer 3 is unreadable');
        items.push(at);
      }
      return ok({ items, done: at === count });
    },
    close: () => {
      state.closed = true;
    },
  };
  return { source, state };
}

const ann = { connectionId: 'rv-1', window: 'webContents-1' };
const otherWindow = { connectionId: 'rv-1', window: 'webContents-2' };
const otherConnection = { connectionId: 'rv-2', window: 'webContents-1' };

function world() {
  const clock = createManualClock();
  return { clock, cursors: createListCursors<number>({ clock }) };
}

describe('list cursors', () => {
  test('page through to the end; the cursor closes itself after the last page', async () => {
    const { cursors } = world();
    const { source, state } = numbers(5);
    const id = cursors.open(ann, source);
    const pages = [];
    for (;;) {
      const page = await cursors.next(ann, id, 2);
      if (!page.ok) throw new Error(page.error.message);
      pages.push(page.value.items);
      if (page.value.done) break;
    }
    expect(pages).toEqual([[1, 2], [3, 4], [5]]);
    expect(state.closed).toBe(true);
    expect(cursors.size()).toBe(0);
    expect(await cursors.next(ann, id, 2)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  test('another window or another connection cannot read or close it: it does not exist for them', async () => {
    const { cursors } = world();
    const { source, state } = numbers(5);
    const id = cursors.open(ann, source);
    for (const stranger of [otherWindow, otherConnection]) {
      expect(await cursors.next(stranger, id, 2)).toEqual({
        ok: false,
        error: { kind: 'not_found', message: expect.stringMatching(/no longer open/) },
      });
      cursors.close(stranger, id);
    }
    expect(state).toEqual({ closed: false, reads: 0 });
    expect((await cursors.next(ann, id, 2)).ok).toBe(true);
  });

  test('an idle cursor closes after the idle time; each page read starts it again', async () => {
    const { cursors, clock } = world();
    const { source, state } = numbers(10);
    const id = cursors.open(ann, source);
    clock.advance(DEFAULT_CURSOR_IDLE_MS - 1);
    expect((await cursors.next(ann, id, 2)).ok).toBe(true);
    clock.advance(DEFAULT_CURSOR_IDLE_MS - 1);
    expect(state.closed).toBe(false);
    clock.advance(1);
    expect(state.closed).toBe(true);
    expect(await cursors.next(ann, id, 2)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  test('close drops it at once', async () => {
    const { cursors } = world();
    const { source, state } = numbers(10);
    const id = cursors.open(ann, source);
    cursors.close(ann, id);
    expect(state.closed).toBe(true);
    expect(cursors.size()).toBe(0);
  });

  test('a failed page closes the cursor and is answered as it is', async () => {
    const { cursors } = world();
    const { source, state } = numbers(10, 3);
    const id = cursors.open(ann, source);
    expect((await cursors.next(ann, id, 2)).ok).toBe(true);
    expect(await cursors.next(ann, id, 2)).toEqual({
      ok: false,
      error: { kind: 'bad_response', message: 'customer 3 is unreadable' },
    });
    expect(state.closed).toBe(true);
  });

  test("a connection's cursors close with it (signed out, deleted); others stay", () => {
    const { cursors } = world();
    const mine = numbers(10);
    const theirs = numbers(10);
    cursors.open(ann, mine.source);
    cursors.open(otherConnection, theirs.source);
    cursors.closeConnection('rv-1');
    expect(mine.state.closed).toBe(true);
    expect(theirs.state.closed).toBe(false);
    cursors.closeAll();
    expect(theirs.state.closed).toBe(true);
  });

  test('one window holds a few cursors per connection: opening one more closes the oldest', () => {
    const clock = createManualClock();
    const cursors = createListCursors<number>({ clock, maxPerOwner: 2 });
    const sources = [numbers(3), numbers(3), numbers(3)];
    for (const { source } of sources) cursors.open(ann, source);
    expect(sources.map(({ state }) => state.closed)).toEqual([true, false, false]);
    expect(cursors.size()).toBe(2);
  });

  test('reads of one cursor run one after another, in order', async () => {
    const { cursors } = world();
    const { source } = numbers(6);
    const id = cursors.open(ann, source);
    const pages = await Promise.all([1, 2, 3].map(() => cursors.next(ann, id, 2)));
    expect(pages.map((page) => page.ok && page.value.items)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
});
