// `window.fieldbook`, exposed by the preload (src-preload/index.ts): the renderer's only way to
// main. Its type is derived from the IPC contract in src-shared/ipc/.
import type { FieldbookApi } from '../src-shared/ipc/fieldbook-api';

declare global {
  interface Window {
    readonly fieldbook: FieldbookApi;
  }
}

export {};
