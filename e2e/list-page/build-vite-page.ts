// Builds a page folder (index.html + entry.ts) with Vite — the renderer's own toolchain: Svelte,
// the module worker — with the app's Content-Security-Policy copied in, and reports the gzipped
// size of its JavaScript: the page's and the search worker's. Used by the customer-list e2e page
// (e2e/list-page) and the customer-list bench page (bench/list-lab).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltPage {
  readonly dir: string;
  /** Gzipped bytes of the page's scripts (everything but the worker). */
  readonly pageGzip: number;
  readonly workerGzip: number;
}

export async function buildVitePage(root: string, outDir: string): Promise<BuiltPage> {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [svelte({ configFile: join(repo, 'svelte.config.js') })],
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  const csp = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i.exec(
    await readFile(join(repo, 'src-renderer/index.html'), 'utf8'),
  )?.[0];
  if (!csp) throw new Error('src-renderer/index.html has no Content-Security-Policy meta tag');
  const html = join(outDir, 'index.html');
  await writeFile(html, (await readFile(html, 'utf8')).replace('<head>', `<head>${csp}`));
  let pageGzip = 0;
  let workerGzip = 0;
  for (const file of await readdir(join(outDir, 'assets'))) {
    // The comparison engines (FlexSearch, uFuzzy) and the export bench's driver are bench-only:
    // not counted.
    if (!file.endsWith('.js') || /^(compare-engines|export-run)/.test(file)) continue;
    const size = gzipSync(await readFile(join(outDir, 'assets', file))).length;
    if (file.includes('worker')) workerGzip += size;
    else pageGzip += size;
  }
  return { dir: outDir, pageGzip, workerGzip };
}
