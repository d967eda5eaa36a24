// The bench page (bench/list-lab: the real Customers screen and window.listBench) built with Vite
// into a scratch folder and served on loopback, plus a typed call into window.listBench. Shared by
// the benchmarks that drive it (customer-list.ts, export.ts), so they set it up one way.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright';
import { buildVitePage, type BuiltPage } from '../../e2e/list-page/build-vite-page';

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export interface ServedLabPage {
  readonly origin: string;
  readonly built: BuiltPage;
  close(): Promise<void>;
}

/**
 * `port` 0 picks a free one; a fixed port keeps the origin, and with it the IndexedDB data of a
 * browser profile kept between runs (list-first-rows.ts).
 */
export async function serveLabPage(name: string, port = 0): Promise<ServedLabPage> {
  const scratch = await mkdtemp(join(tmpdir(), `fieldbook-${name}-bench-`));
  const built = await buildVitePage(
    fileURLToPath(new URL('../list-lab/', import.meta.url)),
    join(scratch, 'page'),
  );
  const server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(built.dir, path === '/' ? 'index.html' : path);
    stat(file).then(
      () => {
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    built,
    async close() {
      server.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

type Methods = Record<string, (...args: never[]) => unknown>;

/** Calls window.listBench[method](...args) in the page and answers its (awaited) result. */
export function labCall<B extends Methods, M extends keyof B & string>(
  page: Page,
  method: M,
  ...args: Parameters<B[M]>
): Promise<Awaited<ReturnType<B[M]>>> {
  return page.evaluate(
    ([name, list]) =>
      (globalThis as unknown as { listBench: Record<string, (...a: unknown[]) => unknown> })
        .listBench[name]!(...(list as unknown[])),
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<B[M]>>>;
}
