// Main's log file in the profile (`logs/main.log`), for support: every line main already writes
// (redacted before it gets here), time-stamped, rotated by size so it never fills the disk.
// Written synchronously: lines are rare, and the last ones before a crash are the ones that matter.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface RotatingLogOptions {
  dir: string;
  fileName?: string;
  /** The size at which main.log is moved to main.log.1 (bytes). */
  maxBytes?: number;
  /** How many old files are kept besides the current one. */
  keep?: number;
  now?: () => Date;
}

export interface RotatingLog {
  /** The folder "Show logs folder" opens. */
  readonly dir: string;
  readonly path: string;
  write(line: string): void;
}

export function logsDirIn(userDataDir: string): string {
  return join(userDataDir, 'logs');
}

export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const fileName = options.fileName ?? 'main.log';
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  const now = options.now ?? (() => new Date());
  const path = join(options.dir, fileName);
  let size: number | undefined;
  let broken = false;

  const rotate = () => {
    rmSync(`${path}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(`${path}.${n}`, `${path}.${n + 1}`);
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(path, `${path}.1`);
    size = 0;
  };

  return {
    dir: options.dir,
    path,
    write(line) {
      if (broken) return;
      const entry = `${now().toISOString()} ${line.replace(/\r?\n/g, '\n    ')}\n`;
      const bytes = Buffer.byteLength(entry);
      try {
        if (size === undefined) {
          mkdirSync(options.dir, { recursive: true });
          size = fileSize(path);
        }
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(path, entry, { mode: 0o600 });
        size += bytes;
      } catch (error) {
        // The log must never take main down: say so once on stderr, then stop trying.
        broken = true;
        process.stderr.write(
          `Fieldbook cannot write its log file ${path}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    },
  };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
