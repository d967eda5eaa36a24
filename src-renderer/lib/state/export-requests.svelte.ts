// File › Export… from the menu: the request waits here until the Customers screen's Export button
// is there to open its dialog (the menu may be used from another screen).
import { getContext, setContext } from 'svelte';

export class ExportRequests {
  #waiting = $state(false);

  get waiting(): boolean {
    return this.#waiting;
  }
  request(): void {
    this.#waiting = true;
  }
  /** True once per request: the caller opens the dialog. */
  take(): boolean {
    const waiting = this.#waiting;
    this.#waiting = false;
    return waiting;
  }
}

const key = Symbol('export-requests');

export function provideExportRequests(requests: ExportRequests): void {
  setContext(key, requests);
}

/** Undefined where no window provides it (component tests). */
export function findExportRequests(): ExportRequests | undefined {
  return getContext<ExportRequests | undefined>(key);
}
