// The preload: builds window.fieldbook from the IPC contract and the event list. Bundled into one
// CommonJS file so it runs in a sandboxed renderer; the only place ipcRenderer appears.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createFieldbookApi } from '../src-shared/ipc/client';

contextBridge.exposeInMainWorld(
  'fieldbook',
  createFieldbookApi(
    (channel, payload) => ipcRenderer.invoke(channel, payload),
    // createFieldbookApi subscribes only to names of the event list. The listener gets the
    // payload alone: the IpcRendererEvent would hand the page ipcRenderer itself (event.sender).
    (event, deliver) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => deliver(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  ),
);
