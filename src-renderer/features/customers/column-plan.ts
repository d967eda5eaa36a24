// Which of the grid's columns fit the list's width, so the customer's name stays readable when
// the list narrows (the editor open beside it, a small window). The name column (the connector's
// first list column) always stays, at least its minimum width; what gives way, in this fixed
// order: the sync badge shrinks to an icon (its text stays its accessible name), then the other
// columns hide from the last in the connector's descriptor to the second. Pure: widths in pixels.

export interface ColumnWidths {
  /** The grid's inner width (without its side padding). */
  readonly available: number;
  /** The gap between two columns. */
  readonly gap: number;
  readonly badge: number;
  readonly badgeIcon: number;
  /** The name column's minimum: about 24 characters of the list's font. */
  readonly nameMin: number;
  /** Any other column's minimum. */
  readonly otherMin: number;
}

export interface ColumnPlan {
  readonly badge: 'text' | 'icon';
  /** How many of the list columns show: always the first (the name), then the next ones. */
  readonly shown: number;
}

export function planColumns(columnCount: number, widths: ColumnWidths): ColumnPlan {
  const need = (badge: number, shown: number) =>
    badge + widths.nameMin + (shown - 1) * widths.otherMin + shown * widths.gap;
  const all = Math.max(1, columnCount);
  if (need(widths.badge, all) <= widths.available) return { badge: 'text', shown: all };
  let shown = all;
  while (shown > 1 && need(widths.badgeIcon, shown) > widths.available) shown -= 1;
  return { badge: 'icon', shown };
}

/**
 * The pixel width of each shown track (the badge, then the list columns): the name takes two
 * shares of what the badge leaves, every other column one, none below its minimum. Fixed pixel
 * tracks keep each row's grid layout cheap: no fraction to resolve per row.
 */
export function trackWidths(plan: ColumnPlan, widths: ColumnWidths): number[] {
  const badge = plan.badge === 'text' ? widths.badge : widths.badgeIcon;
  const rest = Math.max(0, widths.available - badge - plan.shown * widths.gap);
  const share = rest / (plan.shown + 1);
  const name = Math.max(widths.nameMin, 2 * share);
  const other =
    plan.shown > 1 ? Math.max(widths.otherMin, (rest - name) / (plan.shown - 1)) : widths.otherMin;
  return [badge, name, ...Array.from({ length: plan.shown - 1 }, () => other)].map((width) =>
    Math.floor(width),
  );
}
