// One export from start to end: the customers' rows read, turned into text and streamed to the
// sink, with progress as it goes; cancel stops at the next batch or page and drops the file.
// Two ways to read (docs/export.md, "Reading the rows"): most of a connection is read in
// primary-key ranges and its lines put in the view's order (export-by-range.ts); a small
// selection is read by key, a batch at a time, the next batch read while the last is written.
import { exportByRange } from './export-by-range';
import { ExportFailure, type ExportSink } from './export-sinks';
import { headOf, textOfRows, type ExportPlan } from './export-text';
import type { ExportRowSource } from './read-rows';

export const EXPORT_BATCH = 1_000;

/**
 * From this share of the connection's rows on, reading all of them by range is cheaper than
 * reading the exported ones by key: a row by range costs about a quarter of a row by key
 * (measured by bench/export.ts, figures in docs/export.md).
 */
export const RANGE_FROM_SHARE = 0.25;

export interface ExportRun {
  readonly keys: readonly string[];
  readonly source: ExportRowSource;
  readonly plan: ExportPlan;
  readonly sink: ExportSink;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  readonly batch?: number;
}

export type ExportOutcome =
  | { readonly outcome: 'exported'; readonly customers: number; readonly where: string }
  | { readonly outcome: 'cancelled' };

export async function runExport(run: ExportRun): Promise<ExportOutcome> {
  const { source, sink, signal } = run;
  try {
    await sink.write(headOf(run.plan));
    const exported = await readAndWrite(run, await readsByRange(run.keys.length, source));
    if (exported === null || signal?.aborted) {
      await sink.cancel();
      return { outcome: 'cancelled' };
    }
    return { outcome: 'exported', customers: exported, where: await sink.finish() };
  } catch (error) {
    await sink.cancel();
    if (error instanceof ExportFailure) throw error;
    throw new ExportFailure(
      `The customers could not be read from this computer: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function readsByRange(wanted: number, source: ExportRowSource): Promise<boolean> {
  if (!source.page || !source.count || wanted === 0) return false;
  return wanted >= RANGE_FROM_SHARE * (await source.count());
}

/** The customers found and written, or null when cancelled. */
function readAndWrite(run: ExportRun, byRange: boolean): Promise<number | null> {
  const batch = run.batch ?? EXPORT_BATCH;
  const page = run.source.page?.bind(run.source);
  if (byRange && page) return exportByRange({ ...run, page, batch });
  return exportByKeys(run, batch);
}

async function exportByKeys(run: ExportRun, size: number): Promise<number | null> {
  const { keys, source, plan, sink, signal } = run;
  const total = keys.length;
  let exported = 0;
  const readBatch = (from: number) =>
    from < total ? source.read(keys.slice(from, from + size)) : Promise.resolve(null);
  let next = readBatch(0);
  for (let from = 0; from < total; from += size) {
    const rows = await next;
    if (signal?.aborted) return null;
    next = readBatch(from + size);
    // A read started ahead must not reject unobserved when the write below fails.
    next.catch(() => {});
    await sink.write(textOfRows(plan, rows ?? []));
    exported += rows?.length ?? 0;
    run.onProgress?.(Math.min(total, from + size), total);
  }
  return exported;
}
