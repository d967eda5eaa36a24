// The preload: builds window.fieldbook from the IPC contract. Bundled into one CommonJS file so it
// runs in a sandboxed renderer; the only place ipcRenderer appears (DESIGN §5.1).
import { contextBridge, ipcRenderer } from 'electron';
import { createFieldbookApi } from '../src-shared/ipc/client';

contextBridge.exposeInMainWorld(
  'fieldbook',
  createFieldbookApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
