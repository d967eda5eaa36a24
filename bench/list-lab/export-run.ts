// The export bench's side of the page (loaded on demand by entry.ts): the real export pipeline as
// the Export dialog runs it — the view's keys, then the export worker reading rows from IndexedDB
// and building the text — into a sink that keeps the pieces, so the Node side can time main's
// writing of the same pieces on its own. The window's longest frame is taken meanwhile.
import { revnueDescriptor } from '../../src-shared/connectors';
import type { CustomerStore } from '../../src-renderer/lib/db/customer-store';
import type { ColumnChoice } from '../../src-renderer/lib/export/export-columns';
import { runExportInWorker } from '../../src-renderer/lib/export/export-in-worker';
import type { ExportSink } from '../../src-renderer/lib/export/export-sinks';
import type { ExportFormat } from '../../src-renderer/lib/export/export-text';

let pieces: string[] = [];

export interface ExportRun {
  /** From the start of the work to the last piece in the sink. */
  readonly ms: number;
  readonly customers: number;
  readonly pieces: number;
  /** The longest gap between two animation frames of the window while it ran. */
  readonly longestFrame: number;
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
  let last = performance.now();
  let running = true;
  const frame = (now: number) => {
    longestFrame = Math.max(longestFrame, now - last);
    last = now;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
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
  if (outcome.outcome !== 'exported') throw new Error('not exported');
  return { ms, customers: outcome.customers, pieces: pieces.length, longestFrame };
}

/** A piece of the last run, for main's side of the bench. */
export function exportPiece(index: number): string {
  return pieces[index] ?? '';
}
