// Where a fling's frame time goes: the bench page's Customers screen, flung like
// bench/customer-list.ts does, under a Chrome DevTools trace; prints the frame p50/p95 and, per
// frame, the main thread's time by stage (script, style recalculation, layout, paint and
// compositing, garbage collection) plus the hottest script functions from a CPU profile.
// `npx tsx bench/fling-profile.ts [customers=100000] [ms=3000] [new|read]` (rows not drawn yet, or
// already read: see `rows` below); a diagnosis tool, not a
// figure (those stay in bench/customer-list.ts).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';
import { buildVitePage } from '../e2e/list-page/build-vite-page';
import { percentile, round } from './figures';
import { rendererPids, settled, spent, threadCpu } from './renderer-threads';

const customers = Number(process.argv[2] ?? 100_000);
const flingMs = Number(process.argv[3] ?? 3_000);
// 'new': every fling goes on to rows the grid has not drawn yet, so they arrive from the worker
// a frame late (what the bench does at 100,000). 'read': each measured fling first goes the same
// way once, so its rows are there and every frame draws a window of text (a fling back over
// rows seen, or the bench at 10,000, which bounces).
const rows = process.argv[4] === 'read' ? 'read' : 'new';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { frame?: string } };
}

// Trace event names → the stage they belong to (only complete 'X' events on the renderer's main
// thread; nested events are counted once, at their outermost stage below the task).
const stages: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  FireAnimationFrame: 'script',
  TimerFire: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  V8$Execute: 'script',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  UpdateLayerTree: 'paint+composite',
  PrePaint: 'paint+composite',
  Paint: 'paint+composite',
  Layerize: 'paint+composite',
  CompositeLayers: 'paint+composite',
  Commit: 'paint+composite',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
  'V8.GC_MC_INCREMENTAL_START': 'gc',
  'V8.GC_MC_MARK_EMBEDDER_PROLOGUE': 'gc',
  'V8.GC_MC_INCREMENTAL_EMBEDDER_TRACING': 'gc',
  'V8.GC_MC_INCREMENTAL': 'gc',
  'V8.Execute': 'script',
  ParseHTML: 'parse',
};

const scratch = await mkdtemp(join(tmpdir(), 'fieldbook-fling-profile-'));
const built = await buildVitePage(
  fileURLToPath(new URL('./list-lab/', import.meta.url)),
  join(scratch, 'p'),
);
// Served as what they are: Chromium refuses a stylesheet sent as octet-stream, and the page then
// draws the grid unstyled, as tall as all its rows, with nothing to scroll.
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};
const server = createServer((req, res) => {
  const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
  const file = join(built.dir, path === '/' ? 'index.html' : path);
  stat(file).then(
    () => {
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    },
    () => res.writeHead(404).end(),
  );
});
// A fixed port and profile folder: IndexedDB belongs to the origin, so the seeded customers are
// reused by the next run (seeding 100,000 takes minutes on a loaded machine).
await new Promise<void>((resolve) => server.listen(47_391, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const profileDir = join(tmpdir(), `fieldbook-fling-profile-${customers}`);
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumPath,
  args: chromiumArgs,
  viewport: { width: 1280, height: 800 },
});
const lab = (name: string, ...args: unknown[]) =>
  `globalThis.listBench[${JSON.stringify(name)}](...${JSON.stringify(args)})`;

/** Self time (its own, children excluded) per event name on one thread's complete events. */
function selfTimes(events: readonly TraceEvent[]): Map<string, number> {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const event of sorted) {
    while (stack.length > 0 && stack.at(-1)!.ts + stack.at(-1)!.dur! <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - event.dur!);
    self.set(event.name, (self.get(event.name) ?? 0) + event.dur!);
    stack.push(event);
  }
  return self;
}

/** The flings and what they measured, printed. */
async function profile(): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(0);
  const seeded = join(profileDir, 'fieldbook-seeded');
  if (!existsSync(seeded)) {
    await page.goto(`${origin}/`);
    await page.evaluate(lab('seed', customers));
    await writeFile(seeded, String(customers));
  }
  await page.goto(`${origin}/?mount`);
  await page.evaluate(lab('loaded', customers));
  // A grid that cannot scroll (its styles missing, say) would "fling" without moving: no figure.
  const room = (await page.evaluate(
    `(({ clientHeight, scrollHeight }) => ({ client: clientHeight, scroll: scrollHeight }))(document.querySelector('[role="grid"]'))`,
  )) as { client: number; scroll: number };
  if (room.scroll < 10 * room.client) {
    throw new Error(`the grid does not scroll (${room.client} of ${room.scroll} px shown)`);
  }
  // The worker builds its duplicate index after loading (a core's worth for many seconds at
  // 100,000): on 2 cores that would be measured as the grid's. Fling once it is done.
  // The page's renderer is the one that loaded the customers (others are spare or blank).
  const busiest = (pid: number) => [...threadCpu(pid).values()].reduce((sum, ms) => sum + ms, 0);
  const renderer = rendererPids(profileDir).sort((a, b) => busiest(b) - busiest(a))[0];
  if (renderer === undefined) throw new Error('no renderer process found');
  console.log(`renderer ${renderer} settled after ${await settled(renderer)} ms`);
  // A warm-up fling, so first-time compilation is not what the profile shows.
  await page.evaluate(lab('fling', 1_000));
  const gridScroll = `document.querySelector('[role="grid"]').scrollTop`;
  /** With rows 'read': the way the next fling goes, flung once (longer) and scrolled back. */
  const readAhead = async () => {
    if (rows === 'new') return;
    const start = (await page.evaluate(gridScroll)) as number;
    await page.evaluate(lab('fling', flingMs * 1.5));
    await page.evaluate(`${gridScroll} = ${start}`);
    await page.evaluate(lab('fling', 0));
  };
  const fling = async () => (await page.evaluate(lab('fling', flingMs))) as number[];
  const p = (frames: number[], at: number) => round(percentile(frames, at), 2);
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  // FLING_REPEAT=n uninstrumented flings (a frame's CPU time varies by ~10 % between them).
  for (let repeat = 0; repeat < Number(process.env.FLING_REPEAT ?? 1); repeat++) {
    await readAhead();
    const cpuBefore = threadCpu(renderer);
    const plain = await fling();
    const cpu = spent(cpuBefore, threadCpu(renderer));
    console.log(
      `${customers} customers, rows ${rows}, ${plain.length} frames uninstrumented: p50 ${p(plain, 50)} ms, p95 ${p(plain, 95)} ms; load ${load()}`,
    );
    // CPU time from /proc (10 ms ticks): the steadier figure on a loaded machine.
    console.log('renderer CPU per frame by thread (uninstrumented fling, /proc):');
    for (const [thread, ms] of [...cpu].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1])) {
      console.log(`  ${thread.padEnd(40)} ${round(ms / plain.length, 2)} ms/frame`);
    }
  }

  // FLING_CPU_ONLY=1: the /proc figures alone (for quick A/B runs of a change).
  if (process.env.FLING_CPU_ONLY) return;
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const traced = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await readAhead();
  await cdp.send('Tracing.start', {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.frame',
      'blink',
      'v8.execute',
    ].join(','),
    transferMode: 'ReportEvents',
  });
  const frames = await fling();
  await cdp.send('Tracing.end');
  await traced;
  // FLING_TRACE=<file> keeps the trace, for DevTools' Performance panel or a closer look.
  if (process.env.FLING_TRACE) {
    await writeFile(process.env.FLING_TRACE, JSON.stringify({ traceEvents: events }));
  }
  const main = events.find((e) => e.name === 'FireAnimationFrame');
  const onMain = events.filter(
    (e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur,
  );
  const self = selfTimes(onMain);
  const totals = new Map<string, number>();
  for (const [name, us] of self) {
    const stage = stages[name] ?? `other (${name})`;
    totals.set(stage, (totals.get(stage) ?? 0) + us);
  }
  const perFrame = (us: number, n: number) => round(us / 1000 / n, 2);
  const busy = onMain
    .filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
    .reduce((sum, e) => sum + e.dur!, 0);
  console.log(
    `traced: ${frames.length} frames, p50 ${p(frames, 50)} ms, p95 ${p(frames, 95)} ms; main thread busy ${perFrame(busy, frames.length)} ms/frame`,
  );
  // Whether a frame lays out once (the grid's new rows) or more (script reading layout between
  // writes): the bench's own loop must not be what is measured.
  const count = (name: string) => onMain.filter((e) => e.name === name).length;
  console.log(
    `  per frame: ${round(count('Layout') / frames.length, 2)} layouts, ${round(count('Blink.ForcedStyleAndLayout.UpdateTime') / frames.length, 2)} forced by script, ${round(count('UpdateLayoutTree') / frames.length, 2)} style updates`,
  );
  for (const [stage, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 24)) {
    console.log(`  ${stage.padEnd(40)} ${perFrame(us, frames.length)} ms/frame`);
  }
  // Every thread's busiest events, to see what happens off the main thread (raster, GPU).
  const threads = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.name.includes('RunTask')) continue;
    const key = `${e.pid}/${e.tid} ${e.name}`;
    threads.set(key, (threads.get(key) ?? 0) + e.dur);
  }
  console.log(`main is ${main?.pid}/${main?.tid}; busiest events (ms/frame, inclusive):`);
  for (const [key, us] of [...threads].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${perFrame(us, frames.length).toFixed(2).padStart(6)}  ${key}`);
  }

  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await readAhead();
  await cdp.send('Profiler.start');
  const sampled = await fling();
  const { profile } = await cdp.send('Profiler.stop');
  const own = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples!.length);
  for (const id of profile.samples ?? []) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    const where = `${functionName || '(anonymous)'} ${url.split('/').at(-1)}:${lineNumber + 1}:${columnNumber + 1}`;
    own.set(where, (own.get(where) ?? 0) + interval);
  }
  console.log(`CPU profile, ${sampled.length} frames, self time per frame, top functions:`);
  for (const [where, us] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${perFrame(us, sampled.length).toFixed(2).padStart(6)} ms  ${where}`);
  }
}

try {
  await profile();
} finally {
  await context.close();
  server.close();
  await rm(scratch, { recursive: true, force: true });
}
