// Asks main to open one customer link (`links.open`) and keeps what the screen shows about it:
// whether the request is under way and, when main refused or failed, why — in words.
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import { describeError } from '../state/error-message';

export type LinkKind = 'website' | 'email';
/** What `links.open` opens: a website, an e-mail address, or a postal address on the map. */
export type OpenableKind = LinkKind | 'address';

export class LinkOpener {
  #api: FieldbookApi;
  #opening = $state(false);
  #error = $state('');
  #disposed = false;

  constructor(api: FieldbookApi) {
    this.#api = api;
  }

  get opening(): boolean {
    return this.#opening;
  }
  /** Main's reason when the last attempt did not open anything; '' otherwise. */
  get error(): string {
    return this.#error;
  }

  /** Sends the RAW field value: main composes (or refuses) the link itself. */
  async open(kind: OpenableKind, value: string): Promise<void> {
    this.#opening = true;
    this.#error = '';
    const answer = await this.#api.links.open({ kind, value });
    // The component may be gone by the time main answers (the record was closed).
    if (this.#disposed) return;
    this.#opening = false;
    if (!answer.ok) this.#error = describeError(answer.error);
  }

  /** A new value starts without the old value's error. */
  reset(): void {
    this.#error = '';
  }

  dispose(): void {
    this.#disposed = true;
  }
}
