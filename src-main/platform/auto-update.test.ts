// The electron-updater edge with electron-updater (and electron, which it requires) mocked:
// nothing loads or checks when the policy is off; when on, the generic feed, background
// download, install only at the user's quit, periodic checks, and failures as log lines.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeEmitter } from './test-support/fake-electron';

const updater = vi.hoisted(() => ({ loads: 0 }));
const autoUpdater = vi.hoisted(() => ({
  current: undefined as unknown as Record<string, unknown> & {
    setFeedURL: ReturnType<typeof vi.fn>;
    checkForUpdatesAndNotify: ReturnType<typeof vi.fn>;
    quitAndInstall: ReturnType<typeof vi.fn>;
    emit(event: string, ...args: unknown[]): void;
    logger?: { info(m: unknown): void };
  },
}));
vi.mock('electron', () => ({ app: {}, autoUpdater: {} }));
vi.mock('electron-updater', () => {
  updater.loads += 1;
  return {
    default: {
      get autoUpdater() {
        return autoUpdater.current;
      },
    },
  };
});

const { startAutoUpdate } = await import('./auto-update');

function freshUpdater() {
  autoUpdater.current = Object.assign(new FakeEmitter(), {
    setFeedURL: vi.fn(),
    checkForUpdatesAndNotify: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
  }) as never;
}

const timers = () => {
  const scheduled: { run: () => void; ms: number }[] = [];
  return {
    scheduled,
    setInterval: (run: () => void, ms: number) => scheduled.push({ run, ms }),
    clearInterval: vi.fn(),
  };
};

beforeEach(() => {
  updater.loads = 0;
  freshUpdater();
});

const on = {
  enabled: true,
  feedUrl: 'https://updates.acme.example/fieldbook/',
  checkEveryMs: 1_000,
} as const;

describe('startAutoUpdate', () => {
  test('off: one log line, electron-updater is never loaded, nothing is scheduled', async () => {
    const log = vi.fn();
    const clock = timers();
    const stop = await startAutoUpdate(
      { enabled: false, reason: 'Auto-update is off: no update feed is configured.' },
      { log, ...clock },
    );
    expect(log.mock.calls).toEqual([['Auto-update is off: no update feed is configured.']]);
    expect(updater.loads).toBe(0);
    expect(clock.scheduled).toEqual([]);
    stop();
  });

  test('on: the generic feed, background download, install only when the user quits', async () => {
    const log = vi.fn();
    const clock = timers();
    const stop = await startAutoUpdate(on, { log, ...clock });
    const current = autoUpdater.current;
    expect(current.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: on.feedUrl });
    expect(current).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
    });
    expect(current.checkForUpdatesAndNotify).toHaveBeenCalledTimes(1);
    expect(clock.scheduled.map((s) => s.ms)).toEqual([1_000]);
    clock.scheduled[0]!.run();
    expect(current.checkForUpdatesAndNotify).toHaveBeenCalledTimes(2);
    // Never a restart the user did not ask for.
    expect(current.quitAndInstall).not.toHaveBeenCalled();
    expect(log.mock.calls.flat().join('\n')).toMatch(
      /Auto-update is on: checking https:\/\/updates/,
    );
    stop();
    expect(clock.clearInterval).toHaveBeenCalledTimes(1);
  });

  test('an unreachable feed or a failed check is a log line, not a crash', async () => {
    const log = vi.fn();
    autoUpdater.current.checkForUpdatesAndNotify.mockRejectedValueOnce(
      new Error('ENOTFOUND updates.acme.example'),
    );
    await startAutoUpdate(on, { log, ...timers() });
    await vi.waitFor(() =>
      expect(log.mock.calls.flat().join('\n')).toMatch(/update check failed: ENOTFOUND/),
    );
    autoUpdater.current.emit('error', new Error('sha512 checksum mismatch'));
    expect(log.mock.calls.flat()).toContain('update failed: sha512 checksum mismatch');
    autoUpdater.current.logger?.info('Checking for update');
    expect(log.mock.calls.flat()).toContain('update: Checking for update');
  });
});
