// Where the window opens: the size and place it had last time, kept on a display that is still
// connected. Pure: given the saved state and the displays now, the bounds to open with. A window
// whose display is gone opens centred on the primary display; nothing ever opens off-screen.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The normal (not maximised, not full-screen) bounds. */
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

/** What is needed of a display: the part of it windows may use (no taskbar or menu bar). */
export interface DisplayArea {
  workArea: Rect;
}

export interface SizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** Less than this much of the window on a display (px², e.g. a sliver of title bar): gone. */
const minimumVisibleArea = 100 * 50;

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** The size, shrunk to the work area (never below the window's minimum). */
function fitSize(width: number, height: number, area: Rect, limits: SizeLimits) {
  return {
    width: Math.round(clamp(width, limits.minWidth, Math.max(limits.minWidth, area.width))),
    height: Math.round(clamp(height, limits.minHeight, Math.max(limits.minHeight, area.height))),
  };
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  return {
    ...size,
    x: Math.round(area.x + Math.max(0, (area.width - size.width) / 2)),
    y: Math.round(area.y + Math.max(0, (area.height - size.height) / 2)),
  };
}

function isFiniteRect(rect: Rect): boolean {
  return [rect.x, rect.y, rect.width, rect.height].every(Number.isFinite);
}

/**
 * The bounds to open with. `saved` null (first start, unreadable file): the default size, centred
 * on the primary display. Otherwise the saved bounds moved (and shrunk if needed) onto the display
 * that shows most of them; if none shows enough, centred on the primary display.
 */
export function placeWindow(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
  limits: SizeLimits,
): WindowState {
  const primaryArea = primary.workArea;
  if (saved === null || !isFiniteRect(saved.bounds)) {
    const size = fitSize(limits.width, limits.height, primaryArea, limits);
    return { bounds: centred(size, primaryArea), maximized: false, fullScreen: false };
  }
  const { bounds } = saved;
  let best: DisplayArea | null = null;
  let bestOverlap = 0;
  for (const display of displays) {
    const shown = overlap(bounds, display.workArea);
    if (shown > bestOverlap) {
      best = display;
      bestOverlap = shown;
    }
  }
  const keep = { maximized: saved.maximized, fullScreen: saved.fullScreen };
  if (best === null || bestOverlap < Math.min(minimumVisibleArea, bounds.width * bounds.height)) {
    const size = fitSize(bounds.width, bounds.height, primaryArea, limits);
    return { bounds: centred(size, primaryArea), ...keep };
  }
  const area = best.workArea;
  const size = fitSize(bounds.width, bounds.height, area, limits);
  // Slid inside the work area: every edge (and the title bar) reachable.
  const x = Math.round(clamp(bounds.x, area.x, Math.max(area.x, area.x + area.width - size.width)));
  const y = Math.round(
    clamp(bounds.y, area.y, Math.max(area.y, area.y + area.height - size.height)),
  );
  return { bounds: { x, y, ...size }, ...keep };
}
