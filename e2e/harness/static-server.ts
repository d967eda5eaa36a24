// Serves the built renderer (out/renderer) the way the app's protocol handler does: the same CSP,
// no directory listings, nothing outside the folder. index.html gets the bridge script injected
// before the app's own module script, so `window.fieldbook` exists when the app starts.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

export const BRIDGE_PATH = '/__harness/bridge.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The CSP of the app is the one in index.html's meta tag; the harness sends it as a header too. */
export function cspOf(indexHtml: string): string {
  const match = indexHtml.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
  if (!match?.[1])
    throw new Error('out/renderer/index.html has no Content-Security-Policy meta tag');
  return match[1];
}

export function injectBridge(indexHtml: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const firstScript = indexHtml.search(/<script\b/i);
  if (firstScript >= 0) return indexHtml.slice(0, firstScript) + tag + indexHtml.slice(firstScript);
  return indexHtml.replace(/<\/head>/i, `${tag}</head>`);
}

export async function createStaticHandler(rendererDir: string, bridgeScript: string) {
  const indexHtml = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const csp = cspOf(indexHtml);
  const page = injectBridge(indexHtml);
  const root = normalize(rendererDir + sep);

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
    res.writeHead(status, {
      'content-type': type,
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(body);
  }

  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'GET only');
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://harness').pathname);
    if (pathname === '/' || pathname === '/index.html')
      return send(res, 200, contentTypes['.html']!, page);
    if (pathname === BRIDGE_PATH) return send(res, 200, contentTypes['.js']!, bridgeScript);
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root)) return send(res, 404, 'text/plain', 'Not found');
    try {
      const body = await readFile(file);
      send(res, 200, contentTypes[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      send(res, 404, 'text/plain', 'Not found');
    }
  };
}
