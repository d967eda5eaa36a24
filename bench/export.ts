// Export of 100,000 customers (10,000 with --quick) as CSV with the list's columns: the renderer's
// pipeline in real Chromium (IndexedDB reads in batches, CSV text; bench/export-lab) and main's
// export service writing the same pieces through begin/write/finish to a real file, timed apart
// and added up. The IPC hop between them is not in the figure (see the note).
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';
import { buildVitePage } from '../e2e/list-page/build-vite-page';
import { createExportService } from '../src-main/export/export-handlers';
import type { HandlerContext } from '../src-shared/ipc/contract';
import { systemClock } from '../src-shared/time/clock';
import { printFigures, round, sized } from './figures';

const customers = sized(100_000);
const label = customers.toLocaleString('en');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

const scratch = await mkdtemp(join(tmpdir(), 'fieldbook-export-bench-'));
const built = await buildVitePage(
  fileURLToPath(new URL('./export-lab/', import.meta.url)),
  join(scratch, 'page'),
);
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
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

type Bench = {
  seed(count: number): Promise<number>;
  run(
    format: 'csv' | 'vcard',
    columns: 'view' | 'all',
  ): Promise<{ ms: number; customers: number; pieces: number; longestFrame: number }>;
  piece(index: number): Promise<string>;
};
const call = <M extends keyof Bench>(page: Page, method: M, ...args: Parameters<Bench[M]>) =>
  page.evaluate(
    ([name, list]) =>
      (globalThis as unknown as { exportBench: Record<string, (...a: unknown[]) => unknown> })
        .exportBench[name as string]!(...(list as unknown[])),
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<Bench[M]>>>;

try {
  const page = await browser.newPage();
  page.setDefaultTimeout(0);
  await page.goto(`${origin}/`);
  const seeded = await call(page, 'seed', customers);
  if (seeded !== customers) throw new Error(`seeded ${seeded} of ${customers}`);
  // One untimed run warms the page's code and IndexedDB's cache, then the best of three.
  await call(page, 'run', 'csv', 'view');
  const runs = [];
  for (let i = 0; i < 3; i += 1) runs.push(await call(page, 'run', 'csv', 'view'));
  const renderer = runs.reduce((best, run) => (run.ms < best.ms ? run : best));
  if (renderer.customers !== customers) throw new Error(`exported ${renderer.customers}`);
  const pieces: string[] = [];
  for (let i = 0; i < renderer.pieces; i += 1) pieces.push(await call(page, 'piece', i));

  // Main's side: the same pieces through the real export service into a real file.
  const target = join(scratch, 'Customers.csv');
  const service = createExportService({
    dialog: { choosePath: async () => target },
    clock: systemClock,
  });
  const ctx: HandlerContext = { channel: 'export.write', sender: { window: 'bench' } };
  const mainStarted = performance.now();
  const begun = await service.handlers['export.begin']({ format: 'csv', name: 'x' }, ctx);
  if (!begun.ok || begun.value.outcome !== 'started') throw new Error('export.begin failed');
  const session = begun.value.session;
  for (const [seq, chunk] of pieces.entries()) {
    const written = await service.handlers['export.write']({ session, seq, chunk }, ctx);
    if (!written.ok) throw new Error(written.error.message);
  }
  const finished = await service.handlers['export.finish']({ session }, ctx);
  if (!finished.ok) throw new Error(finished.error.message);
  const mainMs = performance.now() - mainStarted;
  const bytes = (await stat(target)).size;

  const seconds = (renderer.ms + mainMs) / 1000;
  printFigures(`export of ${label} customers (CSV, the list's columns)`, [
    {
      name: `export of ${label} customers`,
      value: round(seconds, 2),
      unit: 's',
      better: 'lower',
      goal: 3,
      limit: 10,
      why: 'a salesperson waits for the file with the dialog open; past 10 s it feels stuck',
      note: `renderer ${round(renderer.ms)} ms (best of 3: keys, ${Math.ceil(customers / 1_000)} batches of IndexedDB reads + CSV text, longest main-thread frame ${round(renderer.longestFrame)} ms) + main ${round(mainMs)} ms (${renderer.pieces} pieces, ${round(bytes / 1024 / 1024)} MB written, fsync, rename); the IPC hop between them is not included; load average ${loadavg()[0]!.toFixed(2)}`,
    },
    {
      name: `longest main-thread frame while exporting ${label} customers`,
      value: round(renderer.longestFrame),
      unit: 'ms',
      better: 'lower',
      goal: 50,
      limit: 250,
      why: 'the window must keep answering while it exports: a frame past 50 ms is a felt hitch',
      note: 'requestAnimationFrame deltas during the best run (headless Chromium)',
    },
  ]);
  await page.close();
} finally {
  await browser.close();
  server.close();
  await rm(scratch, { recursive: true, force: true });
}
