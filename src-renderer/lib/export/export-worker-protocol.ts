// The messages between the window and the export worker (export.worker.ts). The worker reads the
// rows and builds the text; the window only passes each piece on to its sink (main's file), so a
// 100,000-customer export never holds the window's main thread for more than a message.
import type { ConnectorKind } from '../../../src-shared/connection';
import type { ConnectorLookups } from '../../../src-shared/connectors/descriptor';
import type { ExportOutcome } from './run-export';
import type { ColumnChoice } from './export-columns';
import type { ExportFormat } from './export-text';

export type ToExportWorker =
  | {
      readonly type: 'start';
      readonly dbName: string;
      readonly connectionId: string;
      /** The worker picks the descriptor itself: its column readers are functions. */
      readonly kind: ConnectorKind;
      readonly format: ExportFormat;
      readonly columns: ColumnChoice;
      readonly lookups: ConnectorLookups;
    }
  /**
   * The customers' keys, a slice at a time before `start`: copying 100,000 keys into one message
   * held the window for one long frame; slices let it paint between them.
   */
  | { readonly type: 'keys'; readonly keys: readonly string[] }
  /** The sink's answer to one of the worker's calls, by its id. */
  | { readonly type: 'answer'; readonly id: number; readonly ok: true; readonly value: string }
  | { readonly type: 'answer'; readonly id: number; readonly ok: false; readonly message: string }
  | { readonly type: 'cancel' };

export type SinkCall =
  | { readonly call: 'write'; readonly text: string }
  | { readonly call: 'finish' }
  | { readonly call: 'cancel' };

export type FromExportWorker =
  | ({ readonly type: 'sink'; readonly id: number } & SinkCall)
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'end'; readonly outcome: ExportOutcome }
  /** An ExportFailure's words (a read that failed, main's write error). */
  | { readonly type: 'failed'; readonly message: string };
