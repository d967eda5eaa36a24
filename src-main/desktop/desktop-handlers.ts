// The desktop's operations for the window (`desktop.start`, `desktop.print`, `desktop.savePdf`):
// the words for every outcome live here, in plain Node; the Electron calls behind them (print
// dialog, save dialog, printToPDF) come in through a DesktopPort from src-main/platform/.
import { writeFile } from 'node:fs/promises';
import type { CustomerLinkTarget } from '../../src-shared/net/app-links';
import type { Handlers } from '../../src-shared/ipc/contract';
import { fail, ok } from '../../src-shared/ipc/result';
import { safePdfFileName } from './pdf-file-name';

/** What Electron's `webContents.print` callback reports. */
export interface PrintReport {
  success: boolean;
  failureReason?: string;
}

export interface DesktopPort {
  /** The OS regional format (Electron: app.getSystemLocale()); null: let the window decide. */
  systemLocale(): string | null;
  /** The customer link Fieldbook was launched with, handed over once (then null). */
  takeOpenLink(): CustomerLinkTarget | null;
  /** Shows the system print dialog for the window's page. */
  print(): Promise<PrintReport>;
  /** Asks where to save; null when the user cancelled the dialog. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** The window's page rendered as a PDF (its print styles apply). */
  renderPdf(): Promise<Uint8Array>;
}

export type DesktopHandlers = Pick<Handlers, 'desktop.start' | 'desktop.print' | 'desktop.savePdf'>;

const noDesktopReason = 'no desktop';

/** Turns a print failure into words a salesperson can act on; null: they cancelled it. */
export function describePrintFailure(reason: string | undefined): string | null {
  const said = (reason ?? '').toLowerCase();
  if (said.includes('cancel')) return null;
  if (said === noDesktopReason) {
    return 'Printing needs the Fieldbook desktop app; in a web browser, use its own Print command.';
  }
  if (said.includes('printer') || said.includes('settings')) {
    return 'Fieldbook could not print: no printer is ready. Check that a printer is set up and switched on, or use Save as PDF.';
  }
  return 'Fieldbook could not print this customer. Try again, or use Save as PDF.';
}

export function createDesktopHandlers(port: DesktopPort): DesktopHandlers {
  return {
    'desktop.start': async () => ok({ locale: port.systemLocale(), openLink: port.takeOpenLink() }),

    'desktop.print': async () => {
      let report: PrintReport;
      try {
        report = await port.print();
      } catch {
        report = { success: false };
      }
      if (report.success) return ok({ outcome: 'printed' as const });
      const problem = describePrintFailure(report.failureReason);
      return problem === null ? ok({ outcome: 'cancelled' as const }) : fail('server', problem);
    },

    'desktop.savePdf': async ({ name }) => {
      const path = await port.chooseSavePath(safePdfFileName(name)).catch(() => undefined);
      if (path === undefined) return fail('server', 'Fieldbook could not open the save dialog.');
      if (path === null) return ok({ outcome: 'cancelled' as const });
      let pdf: Uint8Array;
      try {
        pdf = await port.renderPdf();
      } catch {
        return fail('server', 'Fieldbook could not make a PDF of this customer. Try again.');
      }
      try {
        await writeFile(path, pdf);
      } catch (error) {
        return fail(
          'server',
          `The PDF could not be saved there (${writeProblem(error)}). Choose another folder.`,
        );
      }
      return ok({ outcome: 'saved' as const, path });
    },
  };
}

/** Why a file could not be written, in words (the export says the same). */
export function writeProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'no permission to write in that folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOENT':
      return 'that folder does not exist';
    case 'EROFS':
      return 'that disk is read-only';
    case 'EISDIR':
      return 'a folder has that name';
    default:
      return 'the file could not be written';
  }
}

/** Builds and worlds without a desktop (the browser harness): the browser's own locale, no print. */
export const noDesktop: DesktopPort = {
  systemLocale: () => null,
  takeOpenLink: () => null,
  print: async () => ({ success: false, failureReason: noDesktopReason }),
  chooseSavePath: async () => {
    throw new Error('no desktop');
  },
  renderPdf: async () => {
    throw new Error('no desktop');
  },
};
