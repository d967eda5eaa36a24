// The export bench page: the real store on IndexedDB seeded with the corpus, and window.exportBench
// running the real export pipeline (keys → batched reads → CSV/vCard text) into a sink that keeps
// the pieces, so the Node side can time main's writing of the same pieces on its own.
import { revnueDescriptor } from '../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../src-shared/connectors/descriptor';
import { openCustomerStore } from '../../src-renderer/lib/db/dexie-customer-store';
import { columnsFor } from '../../src-renderer/lib/export/export-columns';
import type { ExportSink } from '../../src-renderer/lib/export/export-sinks';
import type { ExportPlan } from '../../src-renderer/lib/export/export-text';
import { openExportRowSource } from '../../src-renderer/lib/export/read-rows';
import { runExport } from '../../src-renderer/lib/export/run-export';
import {
  corpusLookups,
  corpusPulled,
} from '../../src-renderer/lib/search/test-support/customer-corpus';

const dbName = 'fieldbook-export-bench';
const store = openCustomerStore(dbName);
const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
let pieces: string[] = [];

const exportBench = {
  async seed(count: number): Promise<number> {
    await store.putLookups('bench', corpusLookups, 1);
    for (let from = 0; from < count; from += 5_000) {
      await store.applyPulled(
        revnueDescriptor,
        'bench',
        corpusPulled(from, Math.min(5_000, count - from)),
      );
    }
    return store.countRows('bench');
  },
  /** One export; ms from the click's work start to the last piece, longest main-thread gap. */
  async run(format: 'csv' | 'vcard', columns: 'view' | 'all') {
    pieces = [];
    const started = performance.now();
    const keys = await store.listKeys('bench');
    const lookups = await store.getLookups('bench');
    const plan: ExportPlan =
      format === 'csv'
        ? { format, columns: columnsFor(columns, descriptor, lookups) }
        : { format, descriptor, lookups };
    const sink: ExportSink = {
      write: async (text) => void pieces.push(text),
      finish: async () => 'memory',
      cancel: async () => {},
    };
    // The longest stretch the main thread was busy (a frame loop notices each gap).
    let longestFrame = 0;
    let last = performance.now();
    let running = true;
    const frame = (now: number) => {
      longestFrame = Math.max(longestFrame, now - last);
      last = now;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const source = openExportRowSource(dbName, 'bench');
    const outcome = await runExport({ keys, source, plan, sink });
    const ms = performance.now() - started;
    running = false;
    source.close();
    if (outcome.outcome !== 'exported') throw new Error('not exported');
    return { ms, customers: outcome.customers, pieces: pieces.length, longestFrame };
  },
  /** The pieces of the last run, for main's side of the bench. */
  piece(index: number): string {
    return pieces[index] ?? '';
  },
};

(globalThis as unknown as { exportBench: typeof exportBench }).exportBench = exportBench;
