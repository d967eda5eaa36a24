// Where the window opens, for any saved state and any set of displays (property tests), plus the
// cases people meet: a laptop taken off its external monitor, a monitor that shrank.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { propertyParams } from '../../src-shared/sync/test-support/fc-params';
import { placeWindow, type DisplayArea, type Rect, type WindowState } from './placement';

const limits = { width: 1280, height: 820, minWidth: 800, minHeight: 560 };
const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1440, height: 860 } };
const external: DisplayArea = { workArea: { x: 1440, y: -200, width: 2560, height: 1400 } };

const inside = (rect: Rect, area: Rect) =>
  rect.x >= area.x &&
  rect.y >= area.y &&
  rect.x + rect.width <= area.x + area.width &&
  rect.y + rect.height <= area.y + area.height;

const state = (bounds: Rect, maximized = false, fullScreen = false): WindowState => ({
  bounds,
  maximized,
  fullScreen,
});

describe('placeWindow', () => {
  test('first start: the default size, centred on the primary display', () => {
    expect(placeWindow(null, [laptop], laptop, limits)).toEqual(
      state({ x: 80, y: 20, width: 1280, height: 820 }),
    );
  });

  test('a window on a display still connected opens where it was, maximised if it was', () => {
    const saved = state({ x: 2000, y: 100, width: 1600, height: 900 }, true);
    expect(placeWindow(saved, [laptop, external], laptop, limits)).toEqual(saved);
  });

  test('its display is gone: centred on the primary one, shrunk to fit, still maximised', () => {
    const saved = state({ x: 2000, y: 100, width: 1600, height: 900 }, true);
    expect(placeWindow(saved, [laptop], laptop, limits)).toEqual(
      state({ x: 0, y: 0, width: 1440, height: 860 }, true),
    );
  });

  test('half off the edge: slid back onto the display it is mostly on', () => {
    const saved = state({ x: 1000, y: 500, width: 1000, height: 700 });
    expect(placeWindow(saved, [laptop], laptop, limits).bounds).toEqual({
      x: 440,
      y: 160,
      width: 1000,
      height: 700,
    });
  });

  test('a file with nonsense numbers opens the default window', () => {
    const saved = state({ x: Number.NaN, y: 0, width: Infinity, height: 10 });
    expect(placeWindow(saved, [laptop], laptop, limits).bounds).toEqual({
      x: 80,
      y: 20,
      width: 1280,
      height: 820,
    });
  });

  const area = fc.record({
    x: fc.integer({ min: -5000, max: 5000 }),
    y: fc.integer({ min: -5000, max: 5000 }),
    width: fc.integer({ min: 800, max: 5000 }),
    height: fc.integer({ min: 560, max: 3000 }),
  });
  const displays = fc.array(
    area.map((workArea) => ({ workArea })),
    { minLength: 1, maxLength: 4 },
  );
  const savedState = fc.record({
    bounds: fc.record({
      x: fc.integer({ min: -20000, max: 20000 }),
      y: fc.integer({ min: -20000, max: 20000 }),
      width: fc.integer({ min: 0, max: 10000 }),
      height: fc.integer({ min: 0, max: 10000 }),
    }),
    maximized: fc.boolean(),
    fullScreen: fc.boolean(),
  });

  test('property: always wholly on one connected display, never below the minimum size', () => {
    fc.assert(
      fc.property(savedState, displays, (saved, screens) => {
        const placed = placeWindow(saved, screens, screens[0]!, limits);
        expect(screens.some((d) => inside(placed.bounds, d.workArea))).toBe(true);
        expect(placed.bounds.width).toBeGreaterThanOrEqual(limits.minWidth);
        expect(placed.bounds.height).toBeGreaterThanOrEqual(limits.minHeight);
        expect(placed.maximized).toBe(saved.maximized);
        expect(placed.fullScreen).toBe(saved.fullScreen);
      }),
      propertyParams(),
    );
  });

  test('property: a window that fits where it was is left exactly there', () => {
    fc.assert(
      fc.property(displays, fc.nat(), fc.nat(), (screens, a, b) => {
        const { workArea } = screens[a % screens.length]!;
        const width = limits.minWidth + (a % (workArea.width - limits.minWidth + 1));
        const height = limits.minHeight + (b % (workArea.height - limits.minHeight + 1));
        const bounds = {
          x: workArea.x + (b % (workArea.width - width + 1)),
          y: workArea.y + (a % (workArea.height - height + 1)),
          width,
          height,
        };
        // Overlapping displays could claim it for another one; only disjoint sets here.
        const others = screens.filter((d) => d.workArea !== workArea);
        fc.pre(others.every((d) => !intersects(d.workArea, workArea)));
        expect(placeWindow(state(bounds), screens, screens[0]!, limits).bounds).toEqual(bounds);
      }),
      propertyParams(),
    );
  });

  test('property: placing a placed window again changes nothing', () => {
    fc.assert(
      fc.property(savedState, displays, (saved, screens) => {
        const once = placeWindow(saved, screens, screens[0]!, limits);
        fc.pre(
          screens.every((d, i) =>
            screens.every((e, j) => i === j || !intersects(d.workArea, e.workArea)),
          ),
        );
        expect(placeWindow(once, screens, screens[0]!, limits)).toEqual(once);
      }),
      propertyParams(),
    );
  });
});

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
