// One export from start to end: the customers' rows read a batch at a time (the next batch is
// read while the last one is written), turned into text and streamed to the sink, with progress
// after each batch. Every batch waits on IndexedDB and on the sink, so the window keeps handling
// input and painting between batches; cancel stops at the next batch and drops the file.
import type { ExportRowSource } from './read-rows';
import { ExportFailure, type ExportSink } from './export-sinks';
import { headOf, textOfRows, type ExportPlan } from './export-text';

export const EXPORT_BATCH = 1_000;

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
  const { keys, source, plan, sink, signal } = run;
  const size = run.batch ?? EXPORT_BATCH;
  const total = keys.length;
  let exported = 0;
  const readBatch = (from: number) =>
    from < total ? source.read(keys.slice(from, from + size)) : Promise.resolve(null);
  try {
    await sink.write(headOf(plan));
    let next = readBatch(0);
    for (let from = 0; from < total; from += size) {
      const rows = await next;
      if (signal?.aborted) break;
      next = readBatch(from + size);
      // A read started ahead must not reject unobserved when the write below fails.
      next.catch(() => {});
      await sink.write(textOfRows(plan, rows ?? []));
      exported += rows?.length ?? 0;
      run.onProgress?.(Math.min(total, from + size), total);
    }
    if (signal?.aborted) {
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
