// Builds the sync lab page (e2e/sync-lab/entry.ts) into a folder the harness serves with
// --renderer: one script and an index.html carrying the app's own CSP meta tag, copied from
// src-renderer/index.html at build time so the two cannot drift apart.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../sync-lab/page/entry.ts', import.meta.url));
const appIndex = fileURLToPath(new URL('../../src-renderer/index.html', import.meta.url));

export async function buildLab(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: join(outDir, 'lab.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    sourcemap: 'inline',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const csp = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i.exec(
    await readFile(appIndex, 'utf8'),
  )?.[0];
  if (!csp) throw new Error('src-renderer/index.html has no Content-Security-Policy meta tag');
  await writeFile(
    join(outDir, 'index.html'),
    [
      '<!doctype html>',
      '<html lang="en">',
      `  <head><meta charset="UTF-8" />${csp}<title>Fieldbook sync lab</title></head>`,
      '  <body><script src="./lab.js"></script></body>',
      '</html>',
      '',
    ].join('\n'),
  );
}
