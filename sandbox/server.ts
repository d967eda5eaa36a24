// The one request listener of the sandbox: admin routes, then request counting and fault
// injection, then dispatch to Revnue, R2, the login form or the OAuth server (oidc-provider).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type Provider from 'oidc-provider';
import { faultStatusResponse, faultThrottleResponse } from './fault-responses';
import type { FaultInjector } from './faults/fault-injector';
import { apiRequest } from './http/api-request';
import { json, writeResponse, type SandboxResponse } from './http/respond';
import { handleInteraction } from './oauth/interactions';
import { handleR2, r2BasePath, type R2Api } from './r2/r2-api';
import type { RequestStats } from './request-stats';
import { handleRevnue, revnueBasePath, type RevnueApi } from './revnue/revnue-api';

export interface ServerParts {
  revnue: RevnueApi;
  r2: R2Api;
  faults: FaultInjector;
  stats: RequestStats;
  provider: () => Provider;
  /** oidc-provider's Node request handler (built once, after the provider exists). */
  oauthHandler: () => (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  admin: (req: IncomingMessage, path: string) => Promise<SandboxResponse>;
  log: (line: string) => void;
}

export function createListener(parts: ServerParts) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(parts, req, res).catch((error: unknown) => {
      parts.log(
        `internal error on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`,
      );
      if (!res.headersSent)
        void writeResponse(res, json(500, { detail: 'Internal sandbox error.' }));
      else res.destroy();
    });
  };
}

async function handle(
  parts: ServerParts,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (path.startsWith('/_sandbox/')) {
    await writeResponse(res, await parts.admin(req, path));
    return;
  }
  parts.stats.count(method, path);
  const plan = parts.faults.plan(method, path);
  if (plan.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.delayMs));
  switch (plan.action.kind) {
    case 'reset':
      resetConnection(req.socket);
      return;
    case 'status':
      await writeResponse(res, faultStatusResponse(path, plan.action.status));
      return;
    case 'throttle':
      await writeResponse(res, faultThrottleResponse(path, plan.action.retryAfterSeconds));
      return;
    case 'none':
      break;
  }
  if (plan.loseResponse) loseResponse(req, res);

  if (path.startsWith(revnueBasePath)) {
    await writeResponse(
      res,
      await handleRevnue(parts.revnue, apiRequest(req, url, revnueBasePath)),
    );
  } else if (path.startsWith(r2BasePath)) {
    await writeResponse(res, await handleR2(parts.r2, apiRequest(req, url, r2BasePath)));
  } else if (path.startsWith('/oauth/interaction/')) {
    await handleInteraction(parts.provider(), req, res, path);
  } else if (
    path === '/.well-known/oauth-authorization-server' ||
    path.startsWith('/oauth/') ||
    path.startsWith('/.well-known/')
  ) {
    // RFC 8414 metadata lives at /.well-known/oauth-authorization-server; oidc-provider only
    // serves the OpenID Connect path, whose document is a superset. Same document, both paths.
    if (path === '/.well-known/oauth-authorization-server')
      req.url = `/.well-known/openid-configuration${url.search}`;
    await parts.oauthHandler()(req, res);
  } else {
    await writeResponse(res, json(404, { detail: 'Not found.' }));
  }
}

/** A TCP RST where Node supports it (clients see ECONNRESET), else an abrupt close. */
function resetConnection(socket: Socket): void {
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * The "lost response" fault: the handler runs and commits, but whatever it answers is swallowed
 * and the connection dropped — the client cannot know whether its write happened.
 */
function loseResponse(req: IncomingMessage, res: ServerResponse): void {
  const drop = () => {
    resetConnection(req.socket);
    return res;
  };
  res.writeHead = drop as unknown as ServerResponse['writeHead'];
  res.write = (() => true) as unknown as ServerResponse['write'];
  res.end = drop as unknown as ServerResponse['end'];
}
