// The export bench's side of the page (loaded on demand by entry.ts): the real export pipeline as
// the Export dialog runs it — the view's keys, then the export worker reading rows from IndexedDB
// and building the text — into a sink that keeps the pieces, so the Node side can time main's
// writing of the same pieces on its own. The window's longest frame is taken meanwhile.
import { revnueDescriptor } from '../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../../src-renderer/lib/db/customer-store';
import { columnsFor, type ColumnChoice } from '../../src-renderer/lib/export/export-columns';
import { runExportInWorker } from '../../src-renderer/lib/export/export-in-worker';
import type { ExportSink } from '../../src-renderer/lib/export/export-sinks';
import { EXPORT_PAGE } from '../../src-renderer/lib/export/export-by-range';
import {
  textOfRow,
  type ExportFormat,
  type ExportPlan,
} from '../../src-renderer/lib/export/export-text';
import { openExportRowSource } from '../../src-renderer/lib/export/read-rows';
import { EXPORT_BATCH, RANGE_FROM_SHARE } from '../../src-renderer/lib/export/run-export';

let pieces: string[] = [];

export interface ExportRun {
  /** From the start of the work to the last piece in the sink. */
  readonly ms: number;
  readonly customers: number;
  readonly pieces: number;
  /** The longest gap between two animation frames of the window while it ran. */
  readonly longestFrame: number;
  /** Every gap past 50 ms: when it ended (ms into the run) and how long it was. */
  readonly slowFrames: readonly { readonly at: number; readonly ms: number }[];
  /**
   * The longest task the window's main thread ran (the browser's "longtask" entries, over 50 ms;
   * 0: none). A frame gap without a long task is the machine not scheduling the page, not our work.
   */
  readonly longestTask: number;
}

export async function exportRun(
  store: CustomerStore,
  connectionId: string,
  format: ExportFormat,
  columns: ColumnChoice,
): Promise<ExportRun> {
  pieces = [];
  const started = performance.now();
  // The keys come from the store here and from the search worker in the app (its `keys` answer):
  // the frames are taken from when they are in hand, the same in both, as the export worker runs.
  const [keys, lookups] = await Promise.all([
    store.listKeys(connectionId),
    store.getLookups(connectionId),
  ]);
  let longestFrame = 0;
  const slowFrames: { at: number; ms: number }[] = [];
  const framesFrom = performance.now();
  let last = framesFrom;
  let running = true;
  const frame = (now: number) => {
    longestFrame = Math.max(longestFrame, now - last);
    if (now - last > 50) slowFrames.push({ at: Math.round(now - framesFrom), ms: now - last });
    last = now;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  let longestTask = 0;
  const tasks = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
  });
  tasks.observe({ type: 'longtask' });
  const sink: ExportSink = {
    write: async (text) => void pieces.push(text),
    finish: async () => 'memory',
    cancel: async () => {},
  };
  const outcome = await runExportInWorker({
    dbName: store.name,
    connectionId,
    kind: revnueDescriptor.kind,
    format,
    columns,
    lookups,
    keys,
    sink,
  });
  const ms = performance.now() - started;
  running = false;
  for (const entry of tasks.takeRecords()) longestTask = Math.max(longestTask, entry.duration);
  tasks.disconnect();
  if (outcome.outcome !== 'exported') throw new Error('not exported');
  return {
    ms,
    customers: outcome.customers,
    pieces: pieces.length,
    longestFrame,
    slowFrames,
    longestTask,
  };
}

/** A piece of the last run, for main's side of the bench. */
export function exportPiece(index: number): string {
  return pieces[index] ?? '';
}

/**
 * Where an export's time goes, stage by stage: the worker's work done once on this thread, with
 * nothing overlapping, so each stage can be timed without the worker's messages in between — the
 * connection's rows read by primary-key range a page at a time (what an export of most of a
 * connection does), their CSV text, and for the crossover the same rows read by key in batches
 * (`bulkGet`, what a small selection does). Reading a share s of the rows by key costs s × keyReadMs;
 * by range always rangeReadMs: by key is cheaper below rangeReadMs / keyReadMs.
 */
export async function exportStages(
  store: CustomerStore,
  connectionId: string,
): Promise<{
  rangeReadMs: number;
  textMs: number;
  keyReadMs: number;
  pages: number;
  pageSize: number;
  rangeFromShare: number;
}> {
  const keys = await store.listKeys(connectionId);
  const lookups = await store.getLookups(connectionId);
  const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
  const plan: ExportPlan = { format: 'csv', columns: columnsFor('view', descriptor, lookups) };
  const source = openExportRowSource(store.name, connectionId);
  let rangeReadMs = 0;
  let textMs = 0;
  let keyReadMs = 0;
  let pages = 0;
  let read = 0;
  try {
    // Opens the database untimed: the first request would otherwise carry the open into a stage.
    await source.count!();
    let after: string | undefined;
    for (;;) {
      const readStarted = performance.now();
      const rows = await source.page!(after, EXPORT_PAGE);
      const textStarted = performance.now();
      for (const row of rows) textOfRow(plan, row);
      rangeReadMs += textStarted - readStarted;
      textMs += performance.now() - textStarted;
      pages += 1;
      read += rows.length;
      if (rows.length < EXPORT_PAGE) break;
      after = rows[rows.length - 1]!.key;
    }
    for (let from = 0; from < keys.length; from += EXPORT_BATCH) {
      const readStarted = performance.now();
      await source.read(keys.slice(from, from + EXPORT_BATCH));
      keyReadMs += performance.now() - readStarted;
    }
  } finally {
    source.close();
  }
  if (read !== keys.length) throw new Error(`range read ${read} of ${keys.length}`);
  // The export's own settings, for the note (the Node side cannot import the renderer's code).
  return {
    rangeReadMs,
    textMs,
    keyReadMs,
    pages,
    pageSize: EXPORT_PAGE,
    rangeFromShare: RANGE_FROM_SHARE,
  };
}
