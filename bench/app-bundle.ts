// The gzipped size of the app's own renderer build (out/renderer, what the window loads), the
// search worker counted apart. Builds it first when out/ has no renderer (npm test builds first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = fileURLToPath(new URL('..', import.meta.url));
const assets = join(repo, 'out/renderer/assets');

export async function appRendererGzip(): Promise<{ windowGzip: number; workerGzip: number }> {
  if (!existsSync(join(repo, 'out/renderer/index.html'))) {
    const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: repo, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('electron-vite build failed: no renderer to measure');
  }
  let windowGzip = 0;
  let workerGzip = 0;
  for (const file of await readdir(assets)) {
    if (!file.endsWith('.js')) continue;
    const size = gzipSync(await readFile(join(assets, file))).length;
    if (file.includes('worker')) workerGzip += size;
    else windowGzip += size;
  }
  return { windowGzip, workerGzip };
}
