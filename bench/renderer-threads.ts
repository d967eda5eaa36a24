// CPU time of a Chromium page's renderer process, thread by thread, from /proc: what a frame
// costs the main thread (and the compositor, raster and worker threads) measured in CPU time,
// which the machine's load stretches far less than a wall-clock frame time. Linux only.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU ms (user + system) of each thread of a process, summed by thread name. */
export type ThreadCpu = Map<string, number>;

const ticksPerSecond = 100;

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // gone meanwhile
  }
}

function statFields(path: string): string[] | undefined {
  const stat = readOrUndefined(path);
  if (stat === undefined) return undefined;
  // The command name (in parentheses) may hold spaces: the fields start after its ')'.
  return [
    stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    ...stat.slice(stat.lastIndexOf(')') + 2).split(' '),
  ];
}

const cpuMs = (fields: string[]) =>
  ((Number(fields[12]) + Number(fields[13])) * 1000) / ticksPerSecond;

/**
 * The renderer processes of the Chromium whose command line names `profileDir` (a persistent
 * context's user data folder): its children started with --type=renderer.
 */
export function rendererPids(profileDir: string): number[] {
  const commands = new Map<number, { parent: number; command: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(`/proc/${entry}/stat`);
    if (!fields) continue;
    const command = readOrUndefined(`/proc/${entry}/cmdline`)?.replaceAll('\0', ' ');
    if (command === undefined) continue;
    commands.set(Number(entry), { parent: Number(fields[2]), command });
  }
  const browsers = new Set(
    [...commands]
      .filter(([, p]) => p.command.includes(profileDir) && !p.command.includes('--type='))
      .map(([pid]) => pid),
  );
  // Renderers are the browser's grandchildren on Linux (through the zygote), so walk upwards.
  const fromBrowser = (pid: number): boolean => {
    for (let at = commands.get(pid); at; at = commands.get(at.parent)) {
      if (browsers.has(at.parent)) return true;
    }
    return false;
  };
  return [...commands]
    .filter(([pid, p]) => p.command.includes('--type=renderer') && fromBrowser(pid))
    .map(([pid]) => pid);
}

/** Each thread's CPU ms so far, by thread name; the process's first thread is "main". */
export function threadCpu(pid: number): ThreadCpu {
  const byName: ThreadCpu = new Map();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byName; // gone
  }
  for (const tid of tids) {
    const fields = statFields(`/proc/${pid}/task/${tid}/stat`);
    if (!fields) continue;
    const name = Number(tid) === pid ? 'main' : fields[0]!;
    byName.set(name, (byName.get(name) ?? 0) + cpuMs(fields));
  }
  return byName;
}

/** What each thread spent between two readings (threads that started meanwhile count whole). */
export function spent(before: ThreadCpu, after: ThreadCpu): ThreadCpu {
  return new Map([...after].map(([name, ms]) => [name, ms - (before.get(name) ?? 0)]));
}

/** Waits until the process spends under `share` of one core for a whole `windowMs`. */
export async function settled(pid: number, share = 0.05, windowMs = 1_000, maxMs = 300_000) {
  const total = () => [...threadCpu(pid).values()].reduce((sum, ms) => sum + ms, 0);
  const started = Date.now();
  for (;;) {
    const before = total();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (total() - before <= share * windowMs) return Date.now() - started;
    if (Date.now() - started > maxMs)
      throw new Error(`the renderer is still busy after ${maxMs} ms`);
  }
}
