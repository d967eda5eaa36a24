// The window state's file: a round trip through the real file system, one write per burst of
// moves (debounced), at once on close, and a damaged file that opens the default window.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { WindowState } from './placement';
import { createWindowStateSaver, loadWindowState, windowStatePath } from './window-state-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-window-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

const at = (x: number, maximized = false): WindowState => ({
  bounds: { x, y: 40, width: 1200, height: 800 },
  maximized,
  fullScreen: false,
});

describe('window state file', () => {
  test('round trip: what was saved is what the next start reads', async () => {
    const path = windowStatePath(dir);
    const saver = createWindowStateSaver({ path });
    saver.save(at(120, true));
    await saver.flush();
    expect(await loadWindowState(path)).toEqual(at(120, true));
  });

  test('a burst of moves is written once, after the pause', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async (_path: string, _content: string) => {});
    const saver = createWindowStateSaver({ path: 'x.json', delayMs: 500, write });
    for (let x = 0; x < 50; x++) {
      saver.save(at(x));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(write).toHaveBeenCalledTimes(1);
    expect(JSON.parse(write.mock.calls[0]![1])).toEqual(at(49));
  });

  test('closing writes at once; nothing waiting writes nothing', async () => {
    const write = vi.fn(async (_path: string, _content: string) => {});
    const saver = createWindowStateSaver({ path: 'x.json', delayMs: 60_000, write });
    await saver.flush();
    expect(write).not.toHaveBeenCalled();
    saver.save(at(7));
    await saver.flush();
    expect(write).toHaveBeenCalledTimes(1);
  });

  test('a write that fails is logged, not thrown', async () => {
    const log = vi.fn();
    const saver = createWindowStateSaver({
      path: join(dir, 'x.json'),
      log,
      write: async () => {
        throw new Error('disk full');
      },
    });
    saver.save(at(1));
    await expect(saver.flush()).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk full'));
  });

  test('missing, damaged or nonsense files read as "no saved state"', async () => {
    const path = windowStatePath(dir);
    const log = vi.fn();
    expect(await loadWindowState(path, log)).toBeNull();
    expect(log).not.toHaveBeenCalled();
    await writeFile(path, '{"bounds": {"x": "left"}');
    expect(await loadWindowState(path, log)).toBeNull();
    await writeFile(
      path,
      JSON.stringify({ ...at(1), bounds: { x: 1e12, y: 0, width: 1, height: 1 } }),
    );
    expect(await loadWindowState(path, log)).toBeNull();
    expect(log).toHaveBeenCalledTimes(2);
    expect(await readFile(path, 'utf8')).toContain('1000000000000');
  });
});
