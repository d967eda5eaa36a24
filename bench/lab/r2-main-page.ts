// Lab: main's CPU per R2 list page, without the window and IndexedDB around it. The sandbox and a
// WebSocket client standing in for the window run in this process; main's part runs in a child
// process of its own, exactly as in the pull: the R2 connector (HTTP client, JSON, zod) behind
// the IPC router (its output check) behind the harness's WebSocket bridge. Each page is asked for
// after the previous answer arrived, so the processes do not compete for a core within a page.
// Figures are CPU time (user + system, from process.cpuUsage), which load inflates far less than
// wall time.
//
//   npx tsx bench/lab/r2-main-page.ts [customers] [rounds]   (default: 10000 3)
//   node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/lab/r2-main-page.ts   (both profiled)
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { Handlers } from '../../src-shared/ipc/contract';
import { ok } from '../../src-shared/ipc/result';
import { attachWsBridge, SOCKET_PATH } from '../../e2e/harness/ws-bridge';
import { createHttpClient } from '../../src-main/http/http-client';
import { createPacer } from '../../src-main/http/pacer';
import { createIpcRouter } from '../../src-main/ipc/router';
import { createR2Connector } from '../../src-main/connectors/r2/r2-connector';
import { parseR2ErrorBody } from '../../src-main/connectors/r2/error-body';

const PAGE_SIZE = 500;
const ORIGIN = 'http://127.0.0.1';
const SECRET = 'lab';

interface MainFigures {
  /** CPU ms of the whole child per page (everything main did for it). */
  mainMs: number;
  /** …of which inside the connector's `list` (HTTP, body text, JSON.parse, its zod check). */
  connectorMs: number;
  /** …of which the router around it (input check, output check). */
  routerMs: number;
}

const cpuMs = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000;

/** The child: main's services for one R2 connection, reachable over the harness's bridge. */
async function mainProcess(baseUrl: string, token: string): Promise<void> {
  const http = createHttpClient({
    baseUrl,
    tokenProvider: {
      accessToken: async () => ok(token),
      refreshAfterUnauthorized: async () => ok(token),
    },
    pacer: createPacer({ limit: 10_000_000 }),
    parseErrorBody: parseR2ErrorBody,
  });
  const connector = createR2Connector(http);
  const spent = { connector: 0, router: 0 };
  const handlers = {
    'r2.customers.list': async ({ connectionId: _, ...query }) => {
      const started = process.cpuUsage();
      const page = await connector.list(query);
      spent.connector += cpuMs(process.cpuUsage(started));
      return page;
    },
  } as Partial<Handlers> as Handlers;
  const router = createIpcRouter({ handlers, isTrustedSender: () => true });
  const server = createServer();
  attachWsBridge({
    server,
    secret: SECRET,
    origin: () => ORIGIN,
    handle: async (channel, senderUrl, payload) => {
      const started = process.cpuUsage();
      const answer = await router.handle(channel, { url: senderUrl }, payload);
      spent.router += cpuMs(process.cpuUsage(started));
      return answer;
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  let started = process.cpuUsage();
  process.on('message', (message: { type: string; pages?: number }) => {
    if (message.type === 'start') {
      started = process.cpuUsage();
      spent.connector = 0;
      spent.router = 0;
    } else if (message.type === 'stop') {
      const pages = message.pages ?? 1;
      const figures: MainFigures = {
        mainMs: cpuMs(process.cpuUsage(started)) / pages,
        connectorMs: spent.connector / pages,
        routerMs: (spent.router - spent.connector) / pages,
      };
      process.send?.(figures, () => process.exit(0));
    }
  });
  process.send?.({ port });
}

async function lab(customers: number, rounds: number): Promise<void> {
  const { startSandbox } = await import('../../sandbox/index');
  const { serviceTokens } = await import('../../sandbox/test-support/oauth-client');
  const sandbox = await startSandbox({
    customers,
    rateLimitR2: 10_000_000,
    log: () => {},
  });
  const token = (await serviceTokens(sandbox)).access_token;
  const child = fork(fileURLToPath(import.meta.url), ['main', sandbox.r2.baseUrl, token], {
    // `node --cpu-prof --import tsx …` profiles both processes.
    execArgv: [
      '--import',
      'tsx',
      ...process.execArgv.filter((flag) => flag.startsWith('--cpu-prof')),
    ],
  });
  try {
    const { port } = await new Promise<{ port: number }>((resolve) =>
      child.once('message', (message) => resolve(message as { port: number })),
    );
    const socket = new WebSocket(`ws://127.0.0.1:${port}${SOCKET_PATH}?secret=${SECRET}`, {
      origin: ORIGIN,
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    let id = 0;
    const ask = (page: number) =>
      new Promise<{ rows: number; total: number; bytes: number }>((resolve, reject) => {
        id += 1;
        socket.once('message', (data: Buffer) => {
          const { result } = JSON.parse(String(data)) as {
            result: { ok: boolean; value: { rows: unknown[]; total: number }; error?: unknown };
          };
          if (!result.ok) reject(new Error(JSON.stringify(result.error)));
          else
            resolve({
              rows: result.value.rows.length,
              total: result.value.total,
              bytes: data.length,
            });
        });
        const payload = { connectionId: 'lab', page, pageSize: PAGE_SIZE };
        socket.send(JSON.stringify({ id, channel: 'r2.customers.list', payload }));
      });
    // One warm-up pass: JIT, the sandbox's listing cache, the connection pool.
    const first = await ask(1);
    const pagesPerRound = Math.ceil(first.total / PAGE_SIZE);
    for (let page = 2; page <= pagesPerRound; page += 1) await ask(page);

    child.send({ type: 'start' });
    const served = { ...sandbox.state().r2ListServed };
    const started = process.cpuUsage();
    let bytes = 0;
    for (let round = 0; round < rounds; round += 1)
      for (let page = 1; page <= pagesPerRound; page += 1) bytes += (await ask(page)).bytes;
    const thisProcessMs = cpuMs(process.cpuUsage(started));
    const pages = rounds * pagesPerRound;
    const after = sandbox.state().r2ListServed;
    const mainFigures = await new Promise<MainFigures>((resolve) => {
      child.once('message', (message) => resolve(message as MainFigures));
      child.send({ type: 'stop', pages });
    });
    socket.close();
    // The child exits by itself after answering (so a CPU profile of it gets written).
    await new Promise((resolve) => child.once('exit', resolve));
    const round1 = (value: number) => Math.round(value * 100) / 100;
    console.log(
      JSON.stringify({
        customers,
        pages,
        answerKb: Math.round(bytes / pages / 1024),
        load: (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim(),
        cpuMsPerPage: {
          main: round1(mainFigures.mainMs),
          'main: connector (HTTP, JSON, zod)': round1(mainFigures.connectorMs),
          'main: router (input + output check)': round1(mainFigures.routerMs),
          'main: rest (bridge, sockets, GC)': round1(
            mainFigures.mainMs - mainFigures.connectorMs - mainFigures.routerMs,
          ),
          'sandbox: list handler': round1((after.ms - served.ms) / pages),
          'sandbox + window stand-in (this process)': round1(thisProcessMs / pages),
        },
      }),
    );
  } finally {
    child.kill();
    await sandbox.close();
  }
}

if (process.argv[2] === 'main') {
  const [, , , baseUrl, token] = process.argv;
  await mainProcess(baseUrl as string, token as string);
} else {
  const [customers, rounds] = process.argv.slice(2).map(Number);
  await lab(customers || 10_000, rounds || 3);
}
