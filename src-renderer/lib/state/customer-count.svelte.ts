// How many customers the active connection has on its server, counted by the connection's sync
// adapter (each API counts its own way). Only the latest request counts, so switching connections
// quickly never shows the previous one's number.
import type { ConnectionView } from '../../../src-shared/connection';
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import { createSyncAdapter } from '../sync/adapters';
import { describeError } from './error-message';

export class CustomerCountState {
  count = $state<number | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  readonly #api: FieldbookApi;
  #latest = 0;

  constructor(api: FieldbookApi) {
    this.#api = api;
  }

  async load(connection: ConnectionView): Promise<void> {
    const request = ++this.#latest;
    this.loading = true;
    this.error = null;
    this.count = null;
    const answer = await createSyncAdapter(this.#api, connection).countCustomers(
      () => request === this.#latest,
    );
    if (request !== this.#latest) return;
    this.loading = false;
    if (answer.ok) this.count = answer.value;
    else this.error = describeError(answer.error);
  }

  /** Forget the number and ignore any answer still on its way. */
  clear(): void {
    this.#latest += 1;
    this.loading = false;
    this.error = null;
    this.count = null;
  }
}
