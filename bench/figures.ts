// What every benchmark prints: one JSON line of figures, each with a GOAL (what we aim for) and a
// LIMIT (past it the run fails). bench/run.ts collects them; a benchmark never decides on its own.

/** lower: smaller is better (times, memory, 429s); higher: bigger is better (rates). */
export type Direction = 'lower' | 'higher';

export interface FigureInput {
  name: string;
  value: number;
  unit: string;
  better: Direction;
  /** The aspiration: meeting it is ratio ≤ 1. */
  goal: number;
  /** Past this the benchmark fails (at or under it for 'lower', at or over it for 'higher'). */
  limit: number;
  /** Why this goal and limit: what a user would notice past them. */
  why: string;
  /** How the value was obtained (sizes, counts, scaling), in words. */
  note?: string;
}

export interface Figure extends FigureInput {
  /**
   * How far from the goal, oriented so that ratio ≤ 1 means "goal met" whatever the direction:
   * value ÷ goal for lower-is-better, goal ÷ value for higher-is-better. When the divisor is 0,
   * the ratio is 1 if the value equals the goal (a goal of 0 met exactly) and null otherwise.
   */
  ratio: number | null;
}

export function ratioOf(value: number, goal: number, better: Direction): number | null {
  const [top, bottom] = better === 'lower' ? [value, goal] : [goal, value];
  if (bottom === 0) return value === goal ? 1 : null;
  return round(top / bottom, 3);
}

export function figure(input: FigureInput): Figure {
  return { ...input, ratio: ratioOf(input.value, input.goal, input.better) };
}

export function withinLimit(figure: Pick<Figure, 'value' | 'limit' | 'better'>): boolean {
  return figure.better === 'lower' ? figure.value <= figure.limit : figure.value >= figure.limit;
}

export function printFigures(bench: string, figures: FigureInput[]): void {
  process.stdout.write(`${JSON.stringify({ bench, figures: figures.map(figure) })}\n`);
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The sizes of a run: `--quick` (bench/run.ts passes it on) runs everything at a tenth. */
export const quick = process.argv.includes('--quick');
export const sized = (full: number) => (quick ? Math.round(full / 10) : full);

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
