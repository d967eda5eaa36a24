// Auto-update with electron-updater, only when src-main/services/update-policy.ts says so: the
// generic provider at IT's feed, downloads in the background, installs when the user quits
// (never a restart the user did not choose). electron-updater is loaded only when it is on.
import type { UpdatePolicy } from '../services/update-policy';

export interface AutoUpdateOptions {
  /** Redacted log (src-main/http/log.ts): electron-updater's errors can quote URLs. */
  log: (line: string) => void;
  /** Tests: injected timers. */
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** Starts checking (or only logs why not). The returned function stops the periodic checks. */
export async function startAutoUpdate(
  policy: UpdatePolicy,
  {
    log,
    setInterval = globalThis.setInterval,
    clearInterval = globalThis.clearInterval as (handle: unknown) => void,
  }: AutoUpdateOptions,
): Promise<() => void> {
  if (!policy.enabled) {
    log(policy.reason);
    return () => {};
  }
  // electron-updater is CommonJS: its ESM face is the default export.
  const { autoUpdater } = (await import('electron-updater')).default;
  autoUpdater.logger = {
    info: (message?: unknown) => log(`update: ${String(message)}`),
    warn: (message?: unknown) => log(`update: ${String(message)}`),
    error: (message?: unknown) => log(`update failed: ${String(message)}`),
    debug: () => {},
  };
  autoUpdater.setFeedURL({ provider: 'generic', url: policy.feedUrl });
  autoUpdater.autoDownload = true;
  // The user's own quit is the only moment an update is installed; nothing calls quitAndInstall.
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  // An unreachable feed is an ordinary day offline: one log line, the next check tries again.
  autoUpdater.on('error', (error: Error) => log(`update failed: ${error.message}`));

  const check = () => {
    autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
      log(`update check failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  log(
    `Auto-update is on: checking ${policy.feedUrl} now and every ${policy.checkEveryMs / 3_600_000} h.`,
  );
  check();
  const timer = setInterval(check, policy.checkEveryMs);
  return () => clearInterval(timer);
}
