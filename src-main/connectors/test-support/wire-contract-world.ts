// The wire-contract tests' world: a sandbox on 127.0.0.1 with rate limits out of the way, and
// main's real R2 and Revnue connectors talking to it over HTTP with a service-account token.
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { serviceTokens } from '../../../sandbox/test-support/oauth-client';
import { ok, type Result } from '../../../src-shared/ipc/result';
import type { Validated } from '../../../src-shared/sync';
import { createHttpClient } from '../../http/http-client';
import { createPacer } from '../../http/pacer';
import { createR2Connector, parseR2ErrorBody, type R2Connector } from '../r2';
import { createRevnueConnector, parseRevnueErrorBody, type RevnueConnector } from '../revnue-v2';

export interface WireWorld {
  sandbox: Sandbox;
  r2: R2Connector;
  revnue: RevnueConnector;
  close(): Promise<void>;
}

// Each property run costs ~5 requests; the limits are not what these tests are about.
const UNLIMITED = 1_000_000;

function client(baseUrl: string, token: string, parseErrorBody: typeof parseR2ErrorBody) {
  return createHttpClient({
    baseUrl,
    tokenProvider: {
      accessToken: async () => ok(token),
      refreshAfterUnauthorized: async () => ok(token),
    },
    pacer: createPacer({ limit: UNLIMITED }),
    parseErrorBody,
  });
}

export async function startWireWorld(): Promise<WireWorld> {
  const sandbox = await startSandbox({
    customers: 0,
    rateLimitR2: UNLIMITED,
    rateLimitRevnue: UNLIMITED,
    log: () => {},
  });
  const tokens = await serviceTokens(sandbox);
  return {
    sandbox,
    r2: createR2Connector(client(sandbox.r2.baseUrl, tokens.access_token, parseR2ErrorBody)),
    revnue: createRevnueConnector(
      client(sandbox.revnue.baseUrl, sandbox.revnue.token, parseRevnueErrorBody),
    ),
    close: () => sandbox.close(),
  };
}

/** The value of a connector call, or a test failure that shows the server's answer. */
export function expectOk<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The value of a sync-core body builder, or a test failure that shows its field errors. */
export function expectValid<T>(validated: Validated<T>, what: string): T {
  if (!validated.ok) throw new Error(`${what} was refused: ${JSON.stringify(validated.errors)}`);
  return validated.value;
}

let counter = 0;

/**
 * A suffix unique within the test process, for values the server keeps unique (R2 customerid,
 * Revnue name). Generated text is printable ASCII, so text + `§n` never equals another run's.
 */
export function uniqueTag(): string {
  counter += 1;
  return `§${counter}`;
}
