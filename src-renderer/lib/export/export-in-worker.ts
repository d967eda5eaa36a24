// The window's side of the export worker: starts it for one export, does the sink calls it
// relays (main's file lives behind window.fieldbook, which only the window has), moves the
// progress, and settles as runExport does — exported, cancelled, or an ExportFailure in words.
// The window's share of the work is a message per batch, so it keeps painting at any size.
import type { ConnectorKind } from '../../../src-shared/connection';
import type { ConnectorLookups } from '../../../src-shared/connectors/descriptor';
import type { ColumnChoice } from './export-columns';
import { ExportFailure, type ExportSink } from './export-sinks';
import type { ExportFormat } from './export-text';
import type { FromExportWorker, ToExportWorker } from './export-worker-protocol';
import type { ExportOutcome } from './run-export';

export interface WorkerExport {
  readonly dbName: string;
  readonly connectionId: string;
  readonly kind: ConnectorKind;
  readonly format: ExportFormat;
  readonly columns: ColumnChoice;
  readonly lookups: ConnectorLookups;
  readonly keys: readonly string[];
  readonly sink: ExportSink;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Keys per message: ~1 ms of copying each, so 100,000 keys never make one long frame. */
const KEYS_SLICE = 5_000;

/** Resolves in a later task, after the browser had its chance to paint. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function runExportInWorker(run: WorkerExport): Promise<ExportOutcome> {
  const { sink, signal } = run;
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), {
    type: 'module',
    name: 'customer-export',
  });
  const send = (message: ToExportWorker) => worker.postMessage(message);

  async function answer(message: Extract<FromExportWorker, { type: 'sink' }>): Promise<void> {
    try {
      let value = '';
      if (message.call === 'write') await sink.write(message.text);
      else if (message.call === 'finish') value = await sink.finish();
      else await sink.cancel();
      send({ type: 'answer', id: message.id, ok: true, value });
    } catch (error) {
      const words = error instanceof Error ? error.message : String(error);
      send({ type: 'answer', id: message.id, ok: false, message: words });
    }
  }

  /** The keys in slices, the window painting between them, then the start. */
  async function handOver(): Promise<void> {
    for (let from = 0; from < run.keys.length; from += KEYS_SLICE) {
      // A plain copy: a selection held in $state is a proxy, which postMessage cannot clone.
      send({ type: 'keys', keys: Array.from(run.keys.slice(from, from + KEYS_SLICE)) });
      if (from + KEYS_SLICE < run.keys.length) await nextTask();
    }
    send({
      type: 'start',
      dbName: run.dbName,
      connectionId: run.connectionId,
      kind: run.kind,
      format: run.format,
      columns: run.columns,
      lookups: run.lookups,
    });
  }

  return new Promise<ExportOutcome>((resolve, reject) => {
    const cancel = () => send({ type: 'cancel' });
    const settle = () => {
      signal?.removeEventListener('abort', cancel);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<FromExportWorker>) => {
      const message = event.data;
      if (message.type === 'sink') void answer(message);
      else if (message.type === 'progress') run.onProgress?.(message.done, message.total);
      else if (message.type === 'end') {
        settle();
        resolve(message.outcome);
      } else {
        settle();
        reject(new ExportFailure(message.message));
      }
    };
    worker.onerror = (event) => {
      settle();
      void sink.cancel();
      reject(new ExportFailure(`The export stopped: ${event.message || 'its worker failed'}.`));
    };
    void handOver().catch((error: unknown) => {
      settle();
      reject(new ExportFailure(`The export could not start: ${String(error)}`));
    });
    // Cancel reaches the worker between batches: runExport then drops the file through the sink.
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });
  });
}
