// Print and Save as PDF as the window sees them: each outcome — printed, cancelled, no printer,
// the save dialog cancelled, a folder that cannot be written — answers a Result in words.
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { HandlerContext } from '../../src-shared/ipc/contract';
import { createDesktopHandlers, noDesktop, type DesktopPort } from './desktop-handlers';
import { safePdfFileName } from './pdf-file-name';

const ctx: HandlerContext = { channel: 'desktop.print', sender: {} };
const pdfBytes = new TextEncoder().encode('%PDF-1.7 fake');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-pdf-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function port(overrides: Partial<DesktopPort> = {}): DesktopPort {
  return {
    systemLocale: () => 'de-DE',
    takeOpenLink: () => null,
    print: async () => ({ success: true }),
    chooseSavePath: async (name) => join(dir, name),
    renderPdf: async () => pdfBytes,
    ...overrides,
  };
}

describe('desktop.start', () => {
  test('hands the window the system locale and the launch link', async () => {
    const link = { connectionId: 'c1', customerKey: '42' };
    const handlers = createDesktopHandlers(port({ takeOpenLink: () => link }));
    expect(await handlers['desktop.start'](undefined, ctx)).toEqual({
      ok: true,
      value: { locale: 'de-DE', openLink: link },
    });
  });

  test('without a desktop the window keeps its own locale', async () => {
    const answer = await createDesktopHandlers(noDesktop)['desktop.start'](undefined, ctx);
    expect(answer).toEqual({ ok: true, value: { locale: null, openLink: null } });
  });
});

describe('desktop.print', () => {
  test('printed, or cancelled in the print dialog (no error for a choice)', async () => {
    expect(await createDesktopHandlers(port())['desktop.print'](undefined, ctx)).toEqual({
      ok: true,
      value: { outcome: 'printed' },
    });
    const cancelled = port({ print: async () => ({ success: false, failureReason: 'cancelled' }) });
    expect(await createDesktopHandlers(cancelled)['desktop.print'](undefined, ctx)).toEqual({
      ok: true,
      value: { outcome: 'cancelled' },
    });
  });

  test('no printer, a failed job or a throw: said in words', async () => {
    const noPrinter = port({
      print: async () => ({ success: false, failureReason: 'Invalid printer settings' }),
    });
    expect(await createDesktopHandlers(noPrinter)['desktop.print'](undefined, ctx)).toMatchObject({
      ok: false,
      error: { kind: 'server', message: expect.stringContaining('no printer is ready') },
    });
    const failed = port({
      print: async () => ({ success: false, failureReason: 'Print job failed' }),
    });
    expect(await createDesktopHandlers(failed)['desktop.print'](undefined, ctx)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('could not print this customer') },
    });
    const threw = port({ print: () => Promise.reject(new Error('gone')) });
    expect(await createDesktopHandlers(threw)['desktop.print'](undefined, ctx)).toMatchObject({
      ok: false,
    });
    expect(await createDesktopHandlers(noDesktop)['desktop.print'](undefined, ctx)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('desktop app') },
    });
  });
});

describe('desktop.savePdf', () => {
  test('writes the PDF where the user chose, named after the customer', async () => {
    const chooseSavePath = vi.fn(async (name: string) => join(dir, name));
    const answer = await createDesktopHandlers(port({ chooseSavePath }))['desktop.savePdf'](
      { name: 'ACME / Rentals: North' },
      ctx,
    );
    expect(chooseSavePath).toHaveBeenCalledWith('ACME Rentals North.pdf');
    const path = join(dir, 'ACME Rentals North.pdf');
    expect(answer).toEqual({ ok: true, value: { outcome: 'saved', path } });
    expect(await readFile(path)).toEqual(Buffer.from(pdfBytes));
  });

  test('the save dialog cancelled: nothing is rendered or written', async () => {
    const renderPdf = vi.fn(async () => pdfBytes);
    const handlers = createDesktopHandlers(port({ chooseSavePath: async () => null, renderPdf }));
    expect(await handlers['desktop.savePdf']({}, ctx)).toEqual({
      ok: true,
      value: { outcome: 'cancelled' },
    });
    expect(renderPdf).not.toHaveBeenCalled();
  });

  test('a folder that cannot be written, or a missing one: why, and what to do', async () => {
    const locked = join(dir, 'locked');
    await import('node:fs/promises').then(({ mkdir }) => mkdir(locked));
    await chmod(locked, 0o500);
    const runsAsRoot = process.getuid?.() === 0;
    const handlers = (path: string) =>
      createDesktopHandlers(port({ chooseSavePath: async () => path }));
    try {
      if (!runsAsRoot) {
        expect(await handlers(join(locked, 'a.pdf'))['desktop.savePdf']({}, ctx)).toMatchObject({
          ok: false,
          error: { message: expect.stringContaining('no permission to write in that folder') },
        });
      }
      expect(await handlers(join(dir, 'gone', 'a.pdf'))['desktop.savePdf']({}, ctx)).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('that folder does not exist') },
      });
    } finally {
      await chmod(locked, 0o700);
    }
  });

  test('a PDF that cannot be made is said, not thrown', async () => {
    const handlers = createDesktopHandlers(
      port({ renderPdf: () => Promise.reject(new Error('x')) }),
    );
    expect(await handlers['desktop.savePdf']({}, ctx)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('could not make a PDF') },
    });
  });
});

describe('safePdfFileName', () => {
  test('keeps a name, drops what a file system refuses', () => {
    expect(safePdfFileName('Müller & Söhne GmbH')).toBe('Müller & Söhne GmbH.pdf');
    expect(safePdfFileName('../../etc/passwd')).toBe('etc passwd.pdf');
    expect(safePdfFileName('CON')).toBe('Customer.pdf');
    expect(safePdfFileName('  ...  ')).toBe('Customer.pdf');
    expect(safePdfFileName(undefined)).toBe('Customer.pdf');
    expect(safePdfFileName('a\u0000b\nc')).toBe('a b c.pdf');
  });
});
