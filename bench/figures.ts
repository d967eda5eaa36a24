// What every benchmark prints: one JSON line of figures, each against the limit it must stay
// under. bench/run.ts collects them; a benchmark never decides pass/fail on its own.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The figure must stay at or under this. */
  limit: number;
  /** Why this limit: what a user would notice past it. */
  why: string;
}

export function printFigures(bench: string, figures: Figure[]): void {
  process.stdout.write(`${JSON.stringify({ bench, figures })}\n`);
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));
