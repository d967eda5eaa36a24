// Which rows of the customer grid are in the DOM. Every row is one fixed height, so the window
// follows from scrollTop by arithmetic: nothing is measured (docs/performance.md#customer-grid-flinging
// says why this replaced virtua). The window always holds the same number of rows (`size`), and
// a row's key is its place in the window: the window's first row is always element 0, its second
// element 1, and so on. Scrolling only changes the texts, attributes and positions of those
// elements: none is built, destroyed or moved (a moved element is detached and attached again,
// which costs its whole style and layout), and the DOM order stays the rows' order, which
// aria-rowindex requires.

export interface RowWindow {
  /** The first row drawn. */
  readonly first: number;
  /** How many rows the window holds (its last is `first + size - 1`, or the list's end). */
  readonly size: number;
}

/** Rows the window holds: those a viewport can show at once, plus `overscan` on each side. */
export function windowSize(viewportHeight: number, rowHeight: number, overscan: number): number {
  return Math.ceil(viewportHeight / rowHeight) + 1 + 2 * overscan;
}

/**
 * The overscan to draw after a scroll of `step` pixels (since the last scroll event, about a
 * frame). Overscan rows are there for the compositor, which scrolls before the main thread draws
 * the new window: they must already be drawn where it scrolls to. A step longer than the
 * overscan outruns them anyway (a fling), and every one of them would be redrawn each frame,
 * unseen: then none. A wheel, a key or a slow drag keeps them all.
 */
export function overscanFor(step: number, rowHeight: number, overscan: number): number {
  return Math.abs(step) > overscan * rowHeight ? 0 : overscan;
}

/**
 * The window at `scrollTop`: rows start below a header `headerHeight` high (it sits in the same
 * scroller). Near the end the window stops at the last row rather than shrinking, so its keys
 * stay the same set.
 */
export function windowAt(
  scrollTop: number,
  at: { rowHeight: number; headerHeight: number; overscan: number; size: number; count: number },
): RowWindow {
  const topRow = Math.floor(Math.max(0, scrollTop - at.headerHeight) / at.rowHeight);
  const first = Math.max(0, Math.min(topRow - at.overscan, at.count - at.size));
  return { first, size: at.size };
}

const inWindow = (index: number, window: RowWindow) =>
  index >= window.first && index < window.first + window.size;

/** The indexes to draw, ascending (DOM order = row order, as aria-rowindex requires); `keep` too. */
export function drawnIndexes(window: RowWindow, count: number, keep?: number): number[] {
  const end = Math.min(count, window.first + window.size);
  const drawn: number[] = [];
  if (keep !== undefined && keep < window.first && keep < count) drawn.push(keep);
  for (let index = window.first; index < end; index++) drawn.push(index);
  if (keep !== undefined && keep >= end && keep < count) drawn.push(keep);
  return drawn;
}

/** A drawn row's key: its place in the window, or -1 for the kept row outside the window. */
export function rowKey(index: number, window: RowWindow): number {
  return inWindow(index, window) ? index - window.first : -1;
}
