// One export of customers as the dialog shows it: asking main where to save, the progress
// ("Exported 40,000 of 100,000"), cancel, and how it ended in words. The work itself is
// lib/export/run-export.ts, run in the export worker; this class only keeps what the screen shows.
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../src-shared/connectors/descriptor';
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { ColumnChoice } from '../export/export-columns';
import { runExportInWorker } from '../export/export-in-worker';
import { ExportFailure, openExportSink, type OpenedSink } from '../export/export-sinks';
import type { ExportFormat } from '../export/export-text';

export type ExportPhase = 'idle' | 'asking' | 'running' | 'done' | 'cancelled' | 'failed';

export interface ExportChoice {
  readonly format: ExportFormat;
  readonly columns: ColumnChoice;
  /** The customers, in the order they go into the file. */
  readonly keys: () => Promise<readonly string[]>;
  /** Suggested file name (without extension). */
  readonly name: string;
}

export interface ExportJobOptions {
  readonly api: Pick<FieldbookApi, 'export'>;
  readonly dbName: string;
  readonly connectionId: string;
  readonly descriptor: ConnectorDescriptor<unknown>;
  readonly lookups: () => Promise<ConnectorLookups>;
  /** Tests: another sink opener (the download sink, a failing one). */
  readonly openSink?: (format: ExportFormat, name: string) => Promise<OpenedSink>;
}

const numbers = new Intl.NumberFormat('en');

export class ExportJob {
  #phase = $state<ExportPhase>('idle');
  #done = $state(0);
  #total = $state(0);
  #message = $state('');
  #abort: AbortController | null = null;
  readonly #options: ExportJobOptions;

  constructor(options: ExportJobOptions) {
    this.#options = options;
  }

  get phase(): ExportPhase {
    return this.#phase;
  }
  get busy(): boolean {
    return this.#phase === 'asking' || this.#phase === 'running';
  }
  get done(): number {
    return this.#done;
  }
  get total(): number {
    return this.#total;
  }
  /** "Exported 40,000 of 100,000" while it runs; how it ended afterwards. */
  get message(): string {
    if (this.#phase === 'running') {
      return `Exported ${numbers.format(this.#done)} of ${numbers.format(this.#total)}`;
    }
    return this.#message;
  }

  async start(choice: ExportChoice): Promise<void> {
    if (this.busy) return;
    const options = this.#options;
    this.#phase = 'asking';
    this.#message = '';
    const abort = new AbortController();
    this.#abort = abort;
    let opened: OpenedSink | undefined;
    try {
      opened = await (options.openSink
        ? options.openSink(choice.format, choice.name)
        : openExportSink(options.api, choice.format, choice.name));
      if (opened.outcome === 'cancelled') return this.#end('idle', '');
      const [keys, lookups] = await Promise.all([choice.keys(), options.lookups()]);
      this.#done = 0;
      this.#total = keys.length;
      this.#phase = 'running';
      // Off the main thread: reading 100,000 rows and building their text would hold the window.
      const outcome = await runExportInWorker({
        dbName: options.dbName,
        connectionId: options.connectionId,
        kind: options.descriptor.kind,
        format: choice.format,
        columns: choice.columns,
        lookups,
        keys,
        sink: opened.sink,
        signal: abort.signal,
        onProgress: (done) => (this.#done = done),
      });
      if (outcome.outcome === 'cancelled') {
        return this.#end('cancelled', 'Export cancelled. No file was saved.');
      }
      const noun = outcome.customers === 1 ? 'customer' : 'customers';
      this.#end(
        'done',
        `Exported ${numbers.format(outcome.customers)} ${noun} to ${outcome.where}`,
      );
    } catch (error) {
      // A failure before the first piece (the view's keys, the lookups) leaves main's file open.
      if (opened?.outcome === 'opened') await opened.sink.cancel();
      const words =
        error instanceof ExportFailure
          ? error.message
          : `The export failed: ${error instanceof Error ? error.message : String(error)}`;
      this.#end('failed', words);
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  /** Stops a running export at its next batch; the file is not saved. */
  cancel(): void {
    this.#abort?.abort();
  }

  #end(phase: ExportPhase, message: string): void {
    this.#phase = phase;
    this.#message = message;
  }
}
