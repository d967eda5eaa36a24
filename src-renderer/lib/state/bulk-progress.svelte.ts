// The running "Edit selected" and its outcome, for the status bar (runes state, owned by the
// SyncBoard so it outlives the list and the dialog that started it). One run at a time.
import type { CustomerStore } from '../db/customer-store';
import {
  outcomeWords,
  progressWords,
  runBulkEdit,
  type BulkEditOptions,
  type BulkEditOutcome,
  type BulkEditRequest,
} from './bulk-edit';

export interface BulkRun {
  readonly connectionId: string;
  readonly done: number;
  readonly total: number;
  readonly text: string;
}

export interface BulkOutcomeLine {
  readonly connectionId: string;
  readonly text: string;
  /** Stopped early or left customers unchanged: shown as a problem. */
  readonly problem: boolean;
}

export class BulkProgress {
  #running = $state.raw<BulkRun | null>(null);
  #outcome = $state.raw<BulkOutcomeLine | null>(null);

  get running(): BulkRun | null {
    return this.#running;
  }
  get outcome(): BulkOutcomeLine | null {
    return this.#outcome;
  }

  /** Sets the field on every key; resolves with the outcome (also shown until the next run). */
  async run(
    store: CustomerStore,
    request: BulkEditRequest,
    words: { readonly field: string; readonly value: string },
    options: Omit<BulkEditOptions, 'onProgress'> = {},
  ): Promise<BulkEditOutcome> {
    if (this.#running) throw new Error('Another “Edit selected” is still running.');
    const { connectionId } = request;
    this.#outcome = null;
    try {
      const outcome = await runBulkEdit(store, request, {
        ...options,
        onProgress: (done, total) => {
          this.#running = { connectionId, done, total, text: progressWords(done, total) };
        },
      });
      this.#outcome = {
        connectionId,
        text: outcomeWords(outcome, words.field, words.value),
        problem: outcome.failure !== null || outcome.refused.length > 0,
      };
      return outcome;
    } finally {
      this.#running = null;
    }
  }

  dismiss(): void {
    this.#outcome = null;
  }
}
