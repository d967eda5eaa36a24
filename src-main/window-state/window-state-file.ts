// The window's size, place and maximised/full-screen state, kept in `window-state.json` in the
// profile: read once at start, written (atomically, so a crash leaves the old or the new file)
// a moment after the last move or resize, and at once when the window closes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../connections/atomic-file';
import type { WindowState } from './placement';

export const windowStateFileName = 'window-state.json';

const coordinate = z.number().finite().min(-100_000).max(100_000);
const size = z.number().finite().min(0).max(100_000);
const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: size, height: size }),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});

export function windowStatePath(userDataDir: string): string {
  return join(userDataDir, windowStateFileName);
}

/** The saved state, or null (first start; a damaged file is said in the log and ignored). */
export async function loadWindowState(
  path: string,
  log: (line: string) => void = () => {},
): Promise<WindowState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: not JSON
  }
  log(`The saved window size and place (${path}) could not be read; the window opens centred.`);
  return null;
}

export interface WindowStateSaver {
  /** The newest state; written after `delayMs` without another change. */
  save(state: WindowState): void;
  /** Writes what is waiting now (the window is closing); resolves once it is on disk. */
  flush(): Promise<void>;
}

export function createWindowStateSaver(options: {
  path: string;
  delayMs?: number;
  log?: (line: string) => void;
  write?: (path: string, content: string) => Promise<void>;
}): WindowStateSaver {
  const write = options.write ?? writeFileAtomically;
  const delayMs = options.delayMs ?? 500;
  let waiting: WindowState | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Writes run one after another, so an older state never lands after a newer one.
  let writing: Promise<void> = Promise.resolve();

  const writeWaiting = () => {
    clearTimeout(timer);
    timer = undefined;
    const state = waiting;
    waiting = null;
    if (state === null) return writing;
    writing = writing
      .then(() => write(options.path, `${JSON.stringify(state, null, 2)}\n`))
      .catch((error: unknown) =>
        options.log?.(
          `The window size and place could not be saved: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    return writing;
  };

  return {
    save(state) {
      waiting = state;
      clearTimeout(timer);
      timer = setTimeout(() => void writeWaiting(), delayMs);
    },
    flush: () => writeWaiting(),
  };
}
