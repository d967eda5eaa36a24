// The window state through the Electron edge: a window moved and maximised is saved, the next
// start reads it back and opens there; with its display unplugged it opens centred on the primary.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  createWindowStateSaver,
  loadWindowState,
  windowStatePath,
} from '../window-state/window-state-file';
import { FakeBrowserWindow, fakeElectron } from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).fakeElectron);

const { createMainWindow } = await import('./window');
const { placementForDisplaysNow, trackWindowState } = await import('./window-state-tracking');

const laptop = { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 860 } };
const monitor = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-window-'));
  FakeBrowserWindow.created.length = 0;
  fakeElectron.screen.displays = [laptop, monitor];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function start() {
  const path = windowStatePath(dir);
  const placement = placementForDisplaysNow(await loadWindowState(path));
  const window = createMainWindow({ preloadPath: '/p.cjs', placement, log: () => {} });
  const fake = FakeBrowserWindow.created.at(-1)!;
  const saver = createWindowStateSaver({ path, delayMs: 10 });
  trackWindowState(window as never, saver);
  return { fake, saver, path };
}

describe('window state across starts', () => {
  test('first start: default size, centred on the primary display', async () => {
    const { fake } = await start();
    expect(fake.options).toMatchObject({ x: 80, y: 20, width: 1280, height: 820, minWidth: 800 });
    expect(fake.maximize).not.toHaveBeenCalled();
  });

  test('moved to the monitor and maximised: the next start opens there, maximised', async () => {
    const first = await start();
    first.fake.bounds = { x: 2000, y: 100, width: 1600, height: 900 };
    first.fake.emit('move');
    first.fake.maximized = true;
    first.fake.emit('maximize');
    first.fake.emit('close');
    await first.saver.flush();
    expect(await loadWindowState(first.path)).toEqual({
      bounds: { x: 2000, y: 100, width: 1600, height: 900 },
      maximized: true,
      fullScreen: false,
    });

    const second = await start();
    expect(second.fake.options).toMatchObject({ x: 2000, y: 100, width: 1600, height: 900 });
    expect(second.fake.maximize).toHaveBeenCalledTimes(1);
  });

  test('the monitor unplugged since: centred on the laptop, shrunk to fit', async () => {
    const first = await start();
    first.fake.bounds = { x: 2000, y: 100, width: 1600, height: 900 };
    first.fake.fullScreen = true;
    first.fake.emit('enter-full-screen');
    first.fake.emit('close');
    await first.saver.flush();

    fakeElectron.screen.displays = [laptop];
    const second = await start();
    expect(second.fake.options).toMatchObject({ x: 0, y: 0, width: 1440, height: 860 });
    expect(second.fake.setFullScreen).toHaveBeenCalledWith(true);
  });
});
