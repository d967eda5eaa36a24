// Keeping the active row of the customer grid in view below its sticky column headers. Rows have
// one fixed height, so where a row sits follows from its index: no measuring.

export interface GridScroll {
  readonly scrollTop: number;
  readonly viewportHeight: number;
  readonly rowHeight: number;
  /** The sticky header row above the rows (it covers the viewport's top). */
  readonly headerHeight: number;
}

/** The scrollTop that shows row `index` whole below the header; the current one if it does. */
export function scrollTopShowing(index: number, at: GridScroll): number {
  const top = at.headerHeight + index * at.rowHeight;
  if (top < at.scrollTop + at.headerHeight) return top - at.headerHeight;
  const bottom = top + at.rowHeight;
  if (bottom > at.scrollTop + at.viewportHeight) return bottom - at.viewportHeight;
  return at.scrollTop;
}

/** Rows a page key moves: a screenful of rows below the header, less one for context. */
export function rowsPerPage(at: GridScroll): number {
  return Math.max(1, Math.floor((at.viewportHeight - at.headerHeight) / at.rowHeight) - 1);
}
