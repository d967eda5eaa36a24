// The customer grid's row window: which rows are drawn at a scroll position, that scrolling never
// builds, destroys or reorders row elements (the keys, in row order, are always 0, 1, 2, …), and
// that the active row stays drawn wherever it is.
import { describe, expect, test } from 'vitest';
import { drawnIndexes, overscanFor, rowKey, windowAt, windowSize } from './row-window';

const ROW = 36;
const HEADER = 32;
const at = (count: number, size = 10) => ({
  rowHeight: ROW,
  headerHeight: HEADER,
  overscan: 2,
  size,
  count,
});

describe('row window', () => {
  test('holds a screenful, one row cut at each edge, and the overscan on both sides', () => {
    expect(windowSize(360, ROW, 2)).toBe(10 + 1 + 4);
    expect(windowSize(370, ROW, 2)).toBe(11 + 1 + 4);
  });

  test('keeps its overscan while a scroll step stays within it; a longer step (a fling) draws none', () => {
    expect(overscanFor(0, ROW, 4)).toBe(4);
    expect(overscanFor(4 * ROW, ROW, 4)).toBe(4);
    expect(overscanFor(-4 * ROW, ROW, 4)).toBe(4);
    expect(overscanFor(4 * ROW + 1, ROW, 4)).toBe(0);
    expect(overscanFor(-900, ROW, 4)).toBe(0);
    expect(windowSize(360, ROW, overscanFor(900, ROW, 2))).toBe(10 + 1);
  });

  test('starts overscan rows above the first row under the header', () => {
    expect(windowAt(0, at(1_000))).toEqual({ first: 0, size: 10 });
    // Scrolled so that row 50 is the first below the header.
    expect(windowAt(HEADER + 50 * ROW, at(1_000))).toEqual({ first: 48, size: 10 });
    expect(windowAt(HEADER + 50 * ROW + 35, at(1_000)).first).toBe(48);
    expect(windowAt(HEADER + 51 * ROW, at(1_000)).first).toBe(49);
  });

  test('stops at the last row instead of shrinking, and holds every row of a short list', () => {
    expect(windowAt(HEADER + 995 * ROW, at(1_000)).first).toBe(990);
    expect(drawnIndexes(windowAt(HEADER + 995 * ROW, at(1_000)), 1_000)).toHaveLength(10);
    expect(drawnIndexes(windowAt(500, at(4)), 4)).toEqual([0, 1, 2, 3]);
    expect(drawnIndexes(windowAt(0, at(0)), 0)).toEqual([]);
  });

  test('the keys in row order are always the window places 0, 1, 2, …: no element moves', () => {
    const keys = (scrollTop: number) => {
      const window = windowAt(scrollTop, at(1_000));
      return drawnIndexes(window, 1_000).map((index) => rowKey(index, window));
    };
    const places = Array.from({ length: 10 }, (_, place) => place);
    for (const row of [0, 1, 3, 9, 10, 25, 400, 999]) {
      expect(keys(HEADER + row * ROW)).toEqual(places);
    }
    // The same key shows whatever row is at its place.
    const window = windowAt(HEADER + 100 * ROW, at(1_000));
    expect(rowKey(98, window)).toBe(0);
    expect(rowKey(107, window)).toBe(9);
  });

  test('the kept (active) row is drawn in row order, under a key of its own, when outside', () => {
    const window = windowAt(HEADER + 100 * ROW, at(1_000));
    expect(drawnIndexes(window, 1_000, 3)).toEqual([
      3,
      ...Array.from({ length: 10 }, (_, i) => 98 + i),
    ]);
    expect(drawnIndexes(window, 1_000, 500).at(-1)).toBe(500);
    expect(rowKey(3, window)).toBe(-1);
    // Inside the window it is just one of its rows.
    expect(drawnIndexes(window, 1_000, 100)).toHaveLength(10);
    expect(rowKey(100, window)).toBe(2);
    // A kept index past the list's end (a shorter result) is not drawn.
    expect(drawnIndexes(windowAt(0, at(5)), 5, 7)).toEqual([0, 1, 2, 3, 4]);
  });
});
