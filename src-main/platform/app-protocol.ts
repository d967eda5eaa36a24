// The `app://fieldbook/` protocol that serves the renderer from out/renderer: a secure, standard
// origin of our own (so CSP 'self' and IndexedDB work) that can reach nothing outside that folder.
import { protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const appScheme = 'app';
export const appHost = 'fieldbook';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * The renderer's Content Security Policy: our own files only, no remote origin, no eval, no
 * plugins, no frames; the renderer talks to main over IPC, never to the network.
 * Inline styles stay allowed because Svelte sets `style` attributes; scripts are never inline.
 */
const cspDirectives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['media-src', "'none'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];
/** A `<meta>` CSP ignores these (with a console warning): they are sent in the header only. */
const headerOnlyDirectives = new Set(['frame-ancestors']);
const serialize = (directives: typeof cspDirectives) =>
  directives.map(([name, value]) => `${name} ${value}`).join('; ');

export const contentSecurityPolicy = {
  /** Sent with every `app:` response. */
  header: serialize(cspDirectives),
  /** The same policy as src-renderer/index.html's meta tag (a test keeps them equal). */
  meta: serialize(cspDirectives.filter(([name]) => !headerOnlyDirectives.has(name))),
} as const;

/** True for URLs of our own pages — the only senders main answers over IPC. */
export function isAppUrl(url: string | undefined): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host.toLowerCase() === appHost;
  } catch {
    return false;
  }
}

/** Must run before `app` is ready (Electron accepts it once). */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and storage work; secure: treated like https (no mixed content);
    // supportFetchAPI + corsEnabled: Vite's module scripts and preloads load from it.
    // No bypassCSP: our own CSP applies to our own pages.
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

/** After `ready`: answer every `app:` request from the files under `rendererRoot`. */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(appScheme, createAppRequestHandler(rendererRoot));
}

export type AppPathResolution = { status: 200; path: string } | { status: 400 | 403 | 404 };

/**
 * Maps `app://fieldbook/assets/x.js` to `<root>/assets/x.js` without touching the disk. Anything
 * that tries to climb out (`..`, `%2e%2e`, `..%2f`, a backslash, `//etc/passwd`, `C:`) is 403.
 */
export function resolveAppPath(rawUrl: string, root: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { status: 400 };
  }
  if (url.protocol !== `${appScheme}:` || url.host.toLowerCase() !== appHost)
    return { status: 404 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname || '/');
  } catch {
    return { status: 400 };
  }
  if (decoded === '/') return { status: 200, path: resolve(root, 'index.html') };
  if (/[\\\0]/.test(decoded)) return { status: 403 };
  const segments = decoded.slice(1).split('/');
  // '' first: `//etc/passwd` would be absolute once joined; ':' would be a Windows drive.
  if (segments[0] === '' || segments.some((s) => s === '..' || s.includes(':'))) {
    return { status: 403 };
  }
  const inside = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const candidate = resolve(root, inside.slice(1));
  return isWithin(root, candidate) ? { status: 200, path: candidate } : { status: 403 };
}

export function createAppRequestHandler(
  rendererRoot: string,
): (request: Request) => Promise<Response> {
  const root = resolve(rendererRoot);
  // Resolved once: the real folder, so a symlink inside it that points elsewhere is caught.
  let realRoot: Promise<string> | undefined;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405);
    const resolution = resolveAppPath(request.url, root);
    if (resolution.status !== 200) return respond(resolution.status);
    try {
      realRoot ??= realpath(root);
      const realPath = await realpath(resolution.path);
      if (!isWithin(await realRoot, realPath)) return respond(403);
      if (!(await stat(realPath)).isFile()) return respond(404);
      const body = request.method === 'HEAD' ? null : await readFile(realPath);
      return respond(200, body, mimeType(realPath));
    } catch {
      return respond(404);
    }
  };
}

function isWithin(root: string, candidate: string): boolean {
  const path = relative(root, candidate);
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path);
}

const statusText: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

function respond(status: number, body: Uint8Array | null = null, type = 'text/plain'): Response {
  const headers = new Headers({
    'Content-Security-Policy': contentSecurityPolicy.header,
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  if (status === 405) headers.set('Allow', 'GET, HEAD');
  return new Response(status === 200 ? body : (statusText[status] ?? null), { status, headers });
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

function mimeType(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
