// What `npm start` does on this machine (scripts/start.ts): the Electron app when its binary is
// installed, otherwise the same app in the system Chromium through the e2e harness. Pure
// decisions over facts the caller gathers, so each case is unit-tested without a machine.
import { join } from 'node:path';

export interface MachineFacts {
  /** Contents of node_modules/electron/path.txt, or undefined when it is missing. */
  electronPathFile: string | undefined;
  /** Whether node_modules/electron/dist/<path.txt> exists. */
  electronBinaryExists: boolean;
  env: Record<string, string | undefined>;
  /** Executables found on PATH (or at their absolute path), by name. */
  browsers: string[];
  /** XDG_DATA_HOME or ~/.local/share fallback root. */
  homeDir: string;
}

export type StartPlan =
  | { mode: 'electron' }
  | { mode: 'harness'; why: string; browser: string | undefined; profileDir: string };

export const browserCandidates = [
  '/usr/bin/chromium',
  'chromium',
  'chromium-browser',
  'google-chrome',
];

export function planStart(facts: MachineFacts): StartPlan {
  if (facts.electronPathFile !== undefined && facts.electronBinaryExists)
    return { mode: 'electron' };
  const why =
    facts.electronPathFile === undefined
      ? 'the Electron binary is missing (it was not downloaded: run `node node_modules/electron/install.js` where github.com is reachable)'
      : 'the Electron binary is missing (node_modules/electron/dist is incomplete: run `node node_modules/electron/install.js`)';
  const hasDisplay = Boolean(facts.env.DISPLAY || facts.env.WAYLAND_DISPLAY);
  return {
    mode: 'harness',
    why,
    browser: hasDisplay ? facts.browsers[0] : undefined,
    profileDir: harnessProfileDir(facts.env, facts.homeDir),
  };
}

/** Persistent like the app's own profile: under the user's data dir, not a temp folder. */
export function harnessProfileDir(
  env: Record<string, string | undefined>,
  homeDir: string,
): string {
  const dataHome = env.XDG_DATA_HOME || join(homeDir, '.local', 'share');
  return join(dataHome, 'fieldbook-harness');
}

/** The ONE line `npm start` prints when it falls back to the harness. */
export function fallbackLine(plan: Extract<StartPlan, { mode: 'harness' }>): string {
  return `Fieldbook: ${plan.why}; running the same app in the system browser instead.`;
}
