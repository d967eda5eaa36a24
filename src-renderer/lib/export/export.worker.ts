// The export worker: runs the whole export pipeline (runExport: batched IndexedDB reads, CSV or
// vCard text) off the window's main thread. Its sink relays each call to the window, which owns
// the real sink (main's file through window.fieldbook, which a worker cannot reach) and answers
// when the piece is written, so the worker never runs more than a batch ahead of the disk.
import { descriptorFor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import { columnsFor } from './export-columns';
import { ExportFailure, type ExportSink } from './export-sinks';
import type { ExportPlan } from './export-text';
import type { FromExportWorker, SinkCall, ToExportWorker } from './export-worker-protocol';
import { openExportRowSource } from './read-rows';
import { runExport } from './run-export';

// The window's lib types `self` as a Window: the worker's own scope, as far as it is used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToExportWorker>) => void) | null;
  postMessage(message: FromExportWorker): void;
};
const post = (message: FromExportWorker) => scope.postMessage(message);
const waiting = new Map<number, { resolve(value: string): void; reject(error: Error): void }>();
const abort = new AbortController();
const keys: string[] = [];
let lastId = 0;

function relay(call: SinkCall): Promise<string> {
  const id = (lastId += 1);
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    post({ type: 'sink', id, ...call });
  });
}

const sink: ExportSink = {
  write: async (text) => void (await relay({ call: 'write', text })),
  finish: () => relay({ call: 'finish' }),
  cancel: () =>
    relay({ call: 'cancel' }).then(
      () => undefined,
      () => undefined,
    ),
};

async function start(message: Extract<ToExportWorker, { type: 'start' }>): Promise<void> {
  const descriptor = descriptorFor(message.kind) as ConnectorDescriptor<unknown>;
  const plan: ExportPlan =
    message.format === 'csv'
      ? { format: 'csv', columns: columnsFor(message.columns, descriptor, message.lookups) }
      : { format: 'vcard', descriptor, lookups: message.lookups };
  const source = openExportRowSource(message.dbName, message.connectionId);
  try {
    const outcome = await runExport({
      keys,
      source,
      plan,
      sink,
      signal: abort.signal,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    post({ type: 'end', outcome });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    source.close();
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'keys') for (const key of message.keys) keys.push(key);
  else if (message.type === 'start') void start(message);
  else if (message.type === 'cancel') abort.abort();
  else {
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) call?.resolve(message.value);
    else call?.reject(new ExportFailure(message.message));
  }
};
