// Main's export as the window sees it: the save dialog's answer, the streamed pieces written in
// order to a hidden temp file that only `finish` renames into place (mode 0600), cancel and an
// abandoned export deleting it, and every write problem answered in words.
import {
  chmod,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { HandlerContext } from '../../src-shared/ipc/contract';
import { createManualClock } from '../../src-shared/time/test-support/manual-clock';
import { createExportService, EXPORT_IDLE_MS, type ExportServiceOptions } from './export-handlers';

const ctx: HandlerContext = { channel: 'export.write', sender: { window: 'w1' } };
const otherWindow: HandlerContext = { channel: 'export.write', sender: { window: 'w2' } };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-export-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function world(options: Partial<ExportServiceOptions> = {}) {
  const clock = createManualClock();
  const choosePath = vi.fn(async (name: string) => join(dir, name));
  const service = createExportService({ dialog: { choosePath }, clock, ...options });
  const { handlers } = service;
  async function begin(name = 'Customers') {
    const answer = await handlers['export.begin']({ format: 'csv', name }, ctx);
    if (!answer.ok || answer.value.outcome !== 'started') throw new Error(JSON.stringify(answer));
    return answer.value.session;
  }
  const write = (session: string, seq: number, chunk: string, from = ctx) =>
    handlers['export.write']({ session, seq, chunk }, from);
  return { clock, choosePath, service, handlers, begin, write };
}

const files = () => readdir(dir);

describe('export.begin', () => {
  test('asks where to save under a safe name with the format’s extension', async () => {
    const { handlers, choosePath } = world();
    const csv = await handlers['export.begin']({ format: 'csv', name: 'Acme / North: 2026' }, ctx);
    expect(csv).toMatchObject({ ok: true, value: { outcome: 'started' } });
    expect(choosePath).toHaveBeenLastCalledWith('Acme North 2026.csv', 'csv');
    await handlers['export.begin']({ format: 'vcard', name: '' }, ctx);
    expect(choosePath).toHaveBeenLastCalledWith('Customers.vcf', 'vcard');
  });

  test('the dialog cancelled: nothing is written; no dialog at all: the window downloads', async () => {
    const cancelled = world({ dialog: { choosePath: async () => null } });
    expect(await cancelled.handlers['export.begin']({ format: 'csv', name: 'x' }, ctx)).toEqual({
      ok: true,
      value: { outcome: 'cancelled' },
    });
    const none = world({ dialog: null });
    expect(await none.handlers['export.begin']({ format: 'vcard', name: 'Team' }, ctx)).toEqual({
      ok: true,
      value: { outcome: 'download', fileName: 'Team.vcf' },
    });
    expect(await files()).toEqual([]);
    const broken = world({ dialog: { choosePath: () => Promise.reject(new Error('x')) } });
    expect(await broken.handlers['export.begin']({ format: 'csv', name: 'x' }, ctx)).toMatchObject({
      ok: false,
      error: { message: 'Fieldbook could not open the save dialog.' },
    });
  });
});

describe('writing and finishing', () => {
  test('pieces land in order in a hidden temp file; finish renames it into place, mode 0600', async () => {
    const { begin, write, handlers, service } = world();
    const session = await begin();
    expect(await write(session, 0, '\uFEFFName,City\r\n')).toEqual({ ok: true, value: null });
    expect(await write(session, 1, 'Müller,Köln\r\n')).toEqual({ ok: true, value: null });
    // Until finished, the chosen name does not exist: only the hidden temp file does.
    const during = await files();
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.Customers\.csv\..+\.part$/);
    const target = join(dir, 'Customers.csv');
    expect(await handlers['export.finish']({ session }, ctx)).toEqual({
      ok: true,
      value: { path: target },
    });
    expect(await files()).toEqual(['Customers.csv']);
    expect(await readFile(target, 'utf8')).toBe('\uFEFFName,City\r\nMüller,Köln\r\n');
    expect((await readFile(target)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(service.size()).toBe(0);
  });

  test('an existing file (overwrite confirmed in the dialog) is replaced only at the end', async () => {
    const { begin, write, handlers } = world();
    const target = join(dir, 'Customers.csv');
    await writeFile(target, 'old');
    const session = await begin();
    await write(session, 0, 'new');
    expect(await readFile(target, 'utf8')).toBe('old');
    await handlers['export.finish']({ session }, ctx);
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  test('a piece out of order ends the export with words, and deletes the temp file', async () => {
    const { begin, write } = world();
    const session = await begin();
    await write(session, 0, 'a');
    expect(await write(session, 2, 'c')).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringContaining('Part 2 of the export') },
    });
    expect(await files()).toEqual([]);
    expect(await write(session, 1, 'b')).toMatchObject({
      ok: false,
      error: { kind: 'not_found', message: expect.stringContaining('Export again') },
    });
  });

  test('another window can neither write to, finish nor cancel the export', async () => {
    const { begin, write, handlers, service } = world();
    const session = await begin();
    expect(await write(session, 0, 'x', otherWindow)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    expect(await handlers['export.finish']({ session }, otherWindow)).toMatchObject({ ok: false });
    await handlers['export.cancel']({ session }, otherWindow);
    expect(service.size()).toBe(1);
    expect(await write(session, 0, 'x')).toEqual({ ok: true, value: null });
  });
});

describe('cancel and abandoned exports', () => {
  test('cancel deletes the temp file and leaves no file under the chosen name', async () => {
    const { begin, write, handlers, service } = world();
    const session = await begin();
    await write(session, 0, 'half a file');
    expect(await handlers['export.cancel']({ session }, ctx)).toEqual({ ok: true, value: null });
    expect(await files()).toEqual([]);
    expect(service.size()).toBe(0);
    // Cancelling twice is fine; finishing a cancelled export says so.
    expect(await handlers['export.cancel']({ session }, ctx)).toEqual({ ok: true, value: null });
    expect(await handlers['export.finish']({ session }, ctx)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  test('an export nobody writes to for two minutes is abandoned and its temp file deleted', async () => {
    const { begin, write, clock, service } = world();
    const session = await begin();
    clock.advance(EXPORT_IDLE_MS - 1_000);
    await write(session, 0, 'still here');
    clock.advance(EXPORT_IDLE_MS - 1_000);
    expect(service.size()).toBe(1);
    clock.advance(2_000);
    await vi.waitFor(async () => expect(await files()).toEqual([]));
    expect(service.size()).toBe(0);
  });

  test('quitting abandons every open export', async () => {
    const { begin, service } = world();
    await begin('A');
    await begin('B');
    expect((await files()).length).toBe(2);
    await service.closeAll();
    expect(await files()).toEqual([]);
  });
});

describe('write problems in words', () => {
  test('a folder without permission, or one that is gone: why, and what to do', async () => {
    const locked = join(dir, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o500);
    try {
      const at = (path: string) =>
        world({ dialog: { choosePath: async () => path } }).handlers['export.begin'](
          { format: 'csv', name: 'x' },
          ctx,
        );
      if (process.getuid?.() !== 0) {
        expect(await at(join(locked, 'a.csv'))).toMatchObject({
          ok: false,
          error: {
            message:
              'The export could not be saved there (no permission to write in that folder). Choose another folder.',
          },
        });
      }
      expect(await at(join(dir, 'gone', 'a.csv'))).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('that folder does not exist') },
      });
    } finally {
      await chmod(locked, 0o700);
    }
  });

  test('a full disk while writing: said in words, the temp file deleted', async () => {
    const openTemp = async (path: string, mode: number) => {
      const handle = await open(path, 'wx', mode);
      handle.write = (() =>
        Promise.reject(
          Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }),
        )) as typeof handle.write;
      return handle;
    };
    const { begin, write, service } = world({ openTemp });
    const session = await begin();
    expect(await write(session, 0, 'x')).toMatchObject({
      ok: false,
      error: {
        kind: 'server',
        message: 'The export could not be saved there (the disk is full). Choose another folder.',
      },
    });
    expect(await files()).toEqual([]);
    expect(service.size()).toBe(0);
  });
});
