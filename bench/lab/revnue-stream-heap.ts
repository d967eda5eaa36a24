// Lab: where main's memory goes while it streams Revnue's 100,000-customer list, per stage and per
// page size. The sandbox runs in this process; the reader (main's part: HTTP body → splitter →
// JSON.parse + zod → the router's output check → the serialized IPC answer) runs in a child
// process of its own, so its resident set is not mixed with the sandbox's. Each page is held for
// a moment before the next is asked for, as the window does while it stores one.
//
//   npx tsx bench/lab/revnue-stream-heap.ts [pageSize ...]   (default: 2000 500)
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { contract } from '../../src-shared/ipc/contract';
import { ok } from '../../src-shared/ipc/result';
import { systemClock } from '../../src-shared/time/clock';
import { HttpBodyStream } from '../../src-main/http/http-body-stream';
import { customerListStream } from '../../src-main/connectors/revnue-v2/customer-list-stream';

interface ReaderFigures {
  pageSize: number;
  customers: number;
  pages: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  heapPeakMb: number;
  /** Highest RSS seen right after each stage of a page (which stage lifts the high-water mark). */
  stagePeakMb: Record<string, number>;
  cpuMs: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function reader(url: string, token: string, pageSize: number): Promise<ReaderFigures> {
  const output = contract['revnue.customers.listNext'].output;
  const before = process.memoryUsage();
  const cpu = process.cpuUsage();
  const stagePeakMb: Record<string, number> = {};
  let heapPeak = before.heapUsed;
  let rssPeak = before.rss;
  const mark = (stage: string) => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss);
    stagePeakMb[stage] = Math.max(stagePeakMb[stage] ?? 0, mb(now.rss));
  };
  const request = new AbortController();
  const answer = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: request.signal,
  });
  const list = customerListStream(new HttpBodyStream(answer.body, request, 30_000, systemClock));
  let customers = 0;
  let pages = 0;
  for (;;) {
    const page = await list.next(pageSize);
    if (!page.ok) throw new Error(page.error.message);
    mark('parsed + schema');
    const checked = output.safeParse(page.value);
    if (!checked.success) throw new Error('the router would refuse this answer');
    mark('router check');
    const wire = JSON.stringify(ok(checked.data));
    mark('serialized');
    customers += page.value.customers.length;
    pages += 1;
    // The window stores the page before it asks for the next one.
    await new Promise((resolve) => setTimeout(resolve, 20));
    void wire;
    if (page.value.done) break;
  }
  const used = process.cpuUsage(cpu);
  return {
    pageSize,
    customers,
    pages,
    rssBeforeMb: mb(before.rss),
    rssPeakMb: mb(rssPeak),
    heapPeakMb: mb(heapPeak - before.heapUsed),
    stagePeakMb,
    cpuMs: Math.round((used.user + used.system) / 1000),
  };
}

async function lab(pageSizes: number[]): Promise<void> {
  const { startSandbox } = await import('../../sandbox/index');
  const sandbox = await startSandbox({ customers: 100_000, log: () => {} });
  try {
    const { baseUrl, company, token } = sandbox.revnue;
    const url = new URL(`customer/?company=${company}`, baseUrl).href;
    for (const pageSize of pageSizes) {
      const child = fork(fileURLToPath(import.meta.url), ['reader', url, token, String(pageSize)], {
        execArgv: ['--import', 'tsx'],
      });
      const figures = await new Promise<ReaderFigures>((resolve, reject) => {
        child.once('message', (message) => resolve(message as ReaderFigures));
        child.once('exit', (code) => reject(new Error(`the reader exited with ${code}`)));
      });
      child.kill();
      console.log(
        JSON.stringify({
          ...figures,
          growthMb: mb((figures.rssPeakMb - figures.rssBeforeMb) * 1024 * 1024),
        }),
      );
    }
  } finally {
    await sandbox.close();
  }
}

if (process.argv[2] === 'reader') {
  const [, , , url, token, size] = process.argv;
  const figures = await reader(url as string, token as string, Number(size));
  process.send?.(figures);
} else {
  const sizes = process.argv.slice(2).map(Number);
  await lab(sizes.length > 0 ? sizes : [2000, 500]);
}
