// `npx tsx bench/lab/profile-r2-pull.ts [customers] [outDir] [--revnue]`: where the time of a
// first pull goes. Runs the r2-pull bench world (rate limit off) — or with `--revnue` the
// main-rss one (Revnue's one streamed list, read by the window in pages of 1,000) — with three
// CPU profilers over exactly the pull — the sandbox (this process, node:inspector), main's
// services (the harness child, through its inspector port) and the page (Chrome DevTools
// Protocol) — and prints each process's self-time per stage as ms per list page (R2: ≤ 500 rows;
// Revnue: 1,000 customers). docs/performance.md explains the stages.
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import WebSocket from 'ws';
import { freePort } from '../../e2e/sync-faults/harness-child';
import { startBenchWorld } from './bench-world';
import { chromiumCpu, processTable } from './process-cpu';
import { pullSeconds, pullWatchExpression, type PullWatch } from './pull-watch';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [customersArg, outDirArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const customers = Number(customersArg ?? 10_000);
const outDir = outDirArg ?? join(process.cwd(), '.profiles');
/** `--cpu-only`: no sampling profilers (they slow the run), only each process's CPU time. */
const sampling = !process.argv.includes('--cpu-only');
/**
 * `--playwright`: Playwright stays attached during the pull, as it did before the benches ran
 * the pull detached; its Network domain then copies every WebSocket frame (page-protocol.ts).
 */
const withPlaywright = process.argv.includes('--playwright');
/** `--revnue`: the Revnue API v2 pull instead of R2's. */
const revnue = process.argv.includes('--revnue');
/** Customers per page the Revnue window reads (main's default page, customer-list-stream.ts). */
const revnuePage = 1_000;
await mkdir(outDir, { recursive: true });

/** A minimal DevTools-protocol client over the harness child's inspector WebSocket. */
async function inspectorOf(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  return {
    post: (method: string, params: object = {}) =>
      new Promise<unknown>((resolve) => {
        id += 1;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

/** CPU ms of each process of the world (this one, the harness child, every Chromium process). */
function worldCpu(scratch: string, harnessPid: number): Map<string, number> {
  const table = processTable();
  const roots = [...table]
    .filter(([, p]) => p.command.includes(scratch) && p.command.includes('chromium'))
    .map(([pid]) => pid);
  const out = new Map<string, number>();
  out.set('bench process (sandbox)', table.get(process.pid)?.cpuMs ?? 0);
  out.set('harness child (main)', table.get(harnessPid)?.cpuMs ?? 0);
  for (const [name, ms] of chromiumCpu(table, roots)) out.set(name, ms);
  return out;
}

const inspectPort = await freePort();
const previousOptions = process.env.NODE_OPTIONS;
process.env.NODE_OPTIONS = `${previousOptions ?? ''} --inspect=127.0.0.1:${inspectPort}`.trim();
const world = await startBenchWorld(
  revnue
    ? { sandbox: { customers }, connector: 'revnue-v2', sourcemap: true }
    : {
        sandbox: { customers, rateLimitR2: 10_000_000 },
        connector: 'r2',
        perMinute: 10_000_000,
        sourcemap: true,
      },
);
process.env.NODE_OPTIONS = previousOptions;
const listPages = () => world.sandbox.state().requests['GET /r2/customers'] ?? 0;

const main = await inspectorOf(inspectPort);
const sandbox = new Session();
sandbox.connect();
let pages = 0;
let cpuBefore = new Map<string, number>();
/** What the run measured (filled in inside the try; read after the world is closed). */
const measured = {
  labMapText: '{}',
  cpuAfter: new Map<string, number>(),
  servedBefore: 0,
  servedMs: 0,
  seconds: 0,
};
const profiles: Record<string, CpuProfile> = {};
try {
  // R2: only the list's first tier (no background fetching of full records after it).
  if (!revnue) await world.bench('setOfflineScope', world.connectionId, 'opened');
  const pagesBefore = listPages();
  const scratch = dirname(world.labDir);
  measured.servedBefore = world.sandbox.state().r2ListServed.ms;
  const timed = async (pageClient: {
    post(m: string, p?: object): Promise<unknown>;
    evaluate<T>(expression: string): Promise<T>;
  }) => {
    for (const client of sampling ? [main, sandbox, pageClient] : []) {
      await client.post('Profiler.enable');
      await client.post('Profiler.setSamplingInterval', { interval: 200 });
      await client.post('Profiler.start');
    }
    cpuBefore = worldCpu(scratch, world.harness.pid);
    const watch = await pageClient.evaluate<PullWatch>(pullWatchExpression(world.connectionId));
    measured.cpuAfter = worldCpu(scratch, world.harness.pid);
    if (sampling) {
      const stopped = await Promise.all(
        [main, sandbox, pageClient].map((client) => client.post('Profiler.stop')),
      );
      const [mainProfile, sandboxProfile, pageProfile] = stopped.map(
        (answer) => (answer as { profile: CpuProfile }).profile,
      );
      Object.assign(profiles, { main: mainProfile, sandbox: sandboxProfile, page: pageProfile });
    }
    return watch;
  };
  const watch = withPlaywright
    ? await world.page
        .context()
        .newCDPSession(world.page)
        .then((session) =>
          timed({
            post: (method, params) => session.send(method as never, params as never),
            evaluate: (expression) => world.page.evaluate(expression),
          }),
        )
    : await world.detached(timed);
  // Revnue's list is one request; the window reads it in pages of `revnuePage` customers.
  pages = revnue
    ? Math.ceil((await world.bench('countRows', world.connectionId)) / revnuePage)
    : listPages() - pagesBefore;
  measured.servedMs = world.sandbox.state().r2ListServed.ms - measured.servedBefore;
  measured.seconds = pullSeconds(watch);
} finally {
  measured.labMapText = await readFile(join(world.labDir, 'lab.js.map'), 'utf8').catch(() => '{}');
  main.close();
  sandbox.disconnect();
  await world.close().catch(() => {});
}

const labMap = new TraceMap(measured.labMapText);
/** The source file of a frame: the page's bundle is mapped back through its source map. */
function sourceOf(frame: ProfileNode['callFrame']): string {
  if (frame.url.endsWith('/lab.js')) {
    const position = originalPositionFor(labMap, {
      line: frame.lineNumber + 1,
      column: Math.max(0, frame.columnNumber),
    });
    return position.source ?? frame.url;
  }
  return frame.url;
}

/** Stages by source file (first match wins); the rest is "other". */
const stages: [stage: string, pattern: RegExp][] = [
  ['idle', /^\(idle\)$/],
  ['gc', /^\(garbage collector\)$/],
  // Native work outside any JS frame: structured clone, mojo, the bridge's socket.
  ['(program)', /^\(program\)$/],
  // Native IndexedDB calls: most of their self time is cloning the value and its index keys.
  [
    'IndexedDB calls',
    /^(put|add|get|getAll|getAllKeys|openCursor|openKeyCursor|count|transaction|objectStore|index)$/,
  ],
  ['JSON parse/stringify', /^(parse|stringify)$/],
  ['sandbox list', /sandbox\/(r2|revnue)\/|sandbox\/http\//],
  ['sandbox other', /sandbox\//],
  ['schema check (zod)', /node_modules\/zod\//],
  [
    'http (ky, undici, fetch)',
    /node_modules\/ky\/|undici|internal\/deps|node:internal\/(http|net|stream|streams)/,
  ],
  ['main connector + http', /src-main\/(http|connectors|cursors)\//],
  [
    'ipc bridge',
    /ws-bridge|node_modules\/ws\/|e2e\/harness\/|__harness\/|src-main\/ipc\/|src-preload|src-shared\/ipc\//,
  ],
  [
    'fold rows → summaries (R2) / map customers (Revnue)',
    /src-shared\/connectors\/(r2|revnue-v2)\/|adapters\/r2\/pull|adapters\/revnue-v2\//,
  ],
  ['store (pull writes, compare)', /src-renderer\/lib\/db\/|src-shared\/sync\/values/],
  ['dexie', /node_modules\/dexie\//],
  ['engine + status', /src-renderer\/lib\/sync\//],
  ['bench watcher', /e2e\/sync-lab\//],
  ['playwright', /playwright/],
];

function split(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => {
    selfMs.set(nodeId, (selfMs.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const byStage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [nodeId, ms] of selfMs) {
    const frame = byId.get(nodeId)!.callFrame;
    const key = frame.url === '' ? frame.functionName : sourceOf(frame);
    const stage = stages.find(([, pattern]) => pattern.test(key))?.[0] ?? 'other';
    byStage.set(stage, (byStage.get(stage) ?? 0) + ms);
    const name = `${frame.functionName || '(anonymous)'} ${key.replace(/^.*\/(node_modules|wt\/pull)\//, '')}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  return { byStage, byFunction };
}

const perPage = (ms: number) => Math.round((ms / pages) * 10) / 10;
const report: Record<string, unknown> = {
  customers,
  pages,
  seconds: measured.seconds,
  load: readFileSync('/proc/loadavg', 'utf8').trim(),
  msPerPage: perPage(measured.seconds * 1000),
  // The sandbox times only R2's list pages; its one Revnue answer is in the sandbox's CPU.
  ...(revnue ? {} : { sandboxListMsPerPage: perPage(measured.servedMs) }),
  cpuMsPerPage: Object.fromEntries(
    [...measured.cpuAfter].map(([name, ms]) => [name, perPage(ms - (cpuBefore.get(name) ?? 0))]),
  ),
};
for (const [name, profile] of Object.entries(profiles)) {
  await writeFile(join(outDir, `${name}.cpuprofile`), JSON.stringify(profile));
  const { byStage, byFunction } = split(profile);
  report[name] = Object.fromEntries(
    [...byStage].sort((a, b) => b[1] - a[1]).map(([stage, ms]) => [stage, perPage(ms)]),
  );
  report[`${name} top`] = [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([fn, ms]) => `${perPage(ms)} ${fn}`);
}
console.log(JSON.stringify(report, null, 1));
