// The column plan: the name keeps its minimum, the badge turns into an icon first, then columns
// hide from the last; widths share what is left. And keeping the active row in view below the
// sticky header.
import { describe, expect, test } from 'vitest';
import { planColumns, trackWidths, type ColumnWidths } from './column-plan';
import { rowsPerPage, scrollTopShowing } from './grid-scroll';

const widths = (available: number): ColumnWidths => ({
  available,
  gap: 8,
  badge: 144,
  badgeIcon: 28,
  nameMin: 220,
  otherMin: 96,
});

describe('planColumns', () => {
  test('everything shows when it fits', () => {
    // 144 + 220 + 6 × 96 + 7 × 8 = 996
    expect(planColumns(7, widths(996))).toEqual({ badge: 'text', shown: 7 });
  });

  test('a little narrower: the badge becomes an icon before any column hides', () => {
    expect(planColumns(7, widths(995))).toEqual({ badge: 'icon', shown: 7 });
  });

  test('narrower still: columns hide from the last, the name never', () => {
    // With the icon: 28 + 220 + (n − 1) × 96 + n × 8 ≤ available
    expect(planColumns(7, widths(580))).toEqual({ badge: 'icon', shown: 4 });
    expect(planColumns(7, widths(300))).toEqual({ badge: 'icon', shown: 1 });
    expect(planColumns(7, widths(10))).toEqual({ badge: 'icon', shown: 1 });
  });

  test('the shown tracks fill the width; the name has two shares and at least its minimum', () => {
    const wide = widths(1_200);
    const tracks = trackWidths(planColumns(7, wide), wide);
    expect(tracks).toHaveLength(8);
    expect(tracks[0]).toBe(144);
    expect(tracks[1]).toBeGreaterThanOrEqual(220);
    expect(tracks[2]).toBeGreaterThanOrEqual(96);
    const used = tracks.reduce((sum, track) => sum + track, 0) + 7 * 8;
    expect(used).toBeLessThanOrEqual(1_200);
    expect(used).toBeGreaterThan(1_190);
    const narrow = widths(580);
    const few = trackWidths(planColumns(7, narrow), narrow);
    expect(few).toHaveLength(5);
    expect(few[1]).toBeGreaterThanOrEqual(220);
  });
});

describe('scrollTopShowing', () => {
  const at = { scrollTop: 360, viewportHeight: 400, rowHeight: 36, headerHeight: 32 };

  test('a row already whole below the header keeps the scroll where it is', () => {
    expect(scrollTopShowing(10, at)).toBe(360);
  });

  test('a row above (or under the sticky header) scrolls to just below the header', () => {
    expect(scrollTopShowing(9, at)).toBe(324);
    expect(scrollTopShowing(0, at)).toBe(0);
  });

  test('a row below scrolls until its bottom edge is the viewport bottom', () => {
    // Row 20: top 32 + 720 = 752, bottom 788 → scrollTop 388
    expect(scrollTopShowing(20, at)).toBe(388);
  });

  test('a page is the rows below the header less one', () => {
    expect(rowsPerPage(at)).toBe(9);
  });
});
