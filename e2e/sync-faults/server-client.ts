// A colleague's own client for both sandbox APIs, over HTTP like any other program: used for the
// concurrent server-side edits and for reading the server's final state. The faults hit it too,
// so it retries (its writes set fixed values, so repeating one is harmless).
import type { Sandbox } from '../../sandbox/index';

export interface Answer {
  status: number;
  body: unknown;
}

export interface ServerClient {
  revnue(method: string, path: string, body?: unknown): Promise<Answer>;
  r2(method: string, path: string, body?: unknown): Promise<Answer & { total: number | null }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createServerClient(sandbox: Sandbox, revnueToken: string): ServerClient {
  let r2Token: string | undefined;

  async function serviceToken(): Promise<string> {
    const { serviceClientId, serviceClientSecret } = sandbox.r2;
    const basic = Buffer.from(
      `${encodeURIComponent(serviceClientId)}:${encodeURIComponent(serviceClientSecret)}`,
    ).toString('base64');
    const response = await fetch(new URL('/oauth/token', sandbox.r2.issuer), {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'customers' }),
    });
    if (response.status !== 200) throw new Error(`R2 token endpoint answered ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async function send(url: string, method: string, token: () => Promise<string>, body?: unknown) {
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${await token()}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        if (attempt >= 30) throw error;
        await sleep(100 * attempt);
        continue;
      }
      const text = await response.text();
      const retryable = response.status >= 500 || response.status === 429;
      if (response.status === 401 && attempt < 30) {
        // The run's forced token expiry hits the colleague too.
        r2Token = undefined;
        continue;
      }
      if (retryable && attempt < 30) {
        const retryAfter = Number(response.headers.get('retry-after') ?? '0');
        await sleep(retryAfter > 0 ? retryAfter * 1000 : 100 * attempt);
        continue;
      }
      return {
        status: response.status,
        body:
          text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
        total: response.headers.has('x-total-count')
          ? Number(response.headers.get('x-total-count'))
          : null,
      };
    }
  }

  return {
    revnue: (method, path, body) =>
      send(`${sandbox.revnue.baseUrl}${path}`, method, async () => revnueToken, body),
    r2: (method, path, body) =>
      send(
        `${sandbox.r2.baseUrl}${path}`,
        method,
        async () => (r2Token ??= await serviceToken()),
        body,
      ),
  };
}
