// Fieldbook's main process: the composition root. It wires Electron (window, protocol, IPC) to
// the plain-Node services; nothing below this file imports Electron except src-main/platform/.
import { app } from 'electron';

void app.whenReady().then(() => {
  // Filled in by the window and IPC modules.
});
