// CPU time per process and per thread from /proc, for the labs that run Chromium: a process's
// CPU time is far steadier than wall time on a shared machine, and the thread names say which
// part of Chromium spent it (IndexedDB's backend runs on the browser's ThreadPoolForeground
// workers, the page's script on the renderer's main thread).
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessEntry {
  parent: number;
  command: string;
  /** User + system time so far. */
  cpuMs: number;
}

/** CPU ms from a /proc stat line (utime and stime are in clock ticks of 1/100 s). */
function cpuMsOf(stat: string): { parent: number; cpuMs: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    parent: Number(fields[1]),
    cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100,
  };
}

/** Each live process: its parent, command line and CPU time so far. */
export function processTable(): Map<number, ProcessEntry> {
  const table = new Map<number, ProcessEntry>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const { parent, cpuMs } = cpuMsOf(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      table.set(Number(entry), { parent, command, cpuMs });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

/** CPU ms of each thread of a process, by thread name (threads of one name summed). */
export function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
      out.set(name, (out.get(name) ?? 0) + cpuMsOf(stat).cpuMs);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Every process below `roots` (and the roots). */
export function descendants(table: Map<number, ProcessEntry>, roots: number[]): Set<number> {
  const found = new Set(roots.filter((pid) => table.has(pid)));
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of table)
      if (!found.has(pid) && found.has(p.parent)) {
        found.add(pid);
        grew = true;
      }
  }
  return found;
}

/**
 * CPU ms of the Chromium processes below `roots`, by kind ("chromium browser", "chromium
 * renderer", …), and for the browser and the page also by thread ("  chromium browser / …").
 */
export function chromiumCpu(
  table: Map<number, ProcessEntry>,
  roots: number[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of descendants(table, roots)) {
    const p = table.get(pid)!;
    if (!p.command.includes('chrom')) continue;
    const type = /--type=([\w-]+)/.exec(p.command)?.[1] ?? 'browser';
    const service = /--utility-sub-type=([\w.]+)/.exec(p.command)?.[1];
    const name = `chromium ${service ? service.split('.').at(-2) : type}`;
    out.set(name, (out.get(name) ?? 0) + p.cpuMs);
    if (type === 'browser' || type === 'renderer') {
      for (const [thread, ms] of threadCpu(pid)) {
        const key = `  ${name} / ${thread}`;
        out.set(key, (out.get(key) ?? 0) + ms);
      }
    }
  }
  return out;
}
