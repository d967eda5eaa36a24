// Electron's save dialog for an export (CSV or vCard); the writing itself is plain Node in
// src-main/export/export-handlers.ts.
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { ExportFormat, ExportSaveDialog } from '../export/export-handlers';

const filters: Record<ExportFormat, Electron.FileFilter> = {
  csv: { name: 'CSV (spreadsheet)', extensions: ['csv'] },
  vcard: { name: 'vCard (contacts)', extensions: ['vcf'] },
};

export function createExportSaveDialog(
  currentWindow: () => BrowserWindow | undefined,
): ExportSaveDialog {
  return {
    choosePath: async (suggestedName, format) => {
      const window = currentWindow();
      const options: Electron.SaveDialogOptions = {
        title: 'Export customers',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [filters[format]],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const choice = await (window && !window.isDestroyed()
        ? dialog.showSaveDialog(window, options)
        : dialog.showSaveDialog(options));
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
  };
}
