// The local API server Fieldbook runs against: Revnue v2, Unibiz R2 with its OAuth server, rate
// limits, fault injection and demo data. `startSandbox()` here; `cli.ts` wraps it for `npm run sandbox`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import { handleAdmin } from './admin';
import { FaultInjector } from './faults/fault-injector';
import type { FaultRule } from './faults/fault-rules';
import { parseFaultSpec, validateFaultRules } from './faults/fault-spec';
import { createProvider, loopbackRedirectUris } from './oauth/provider';
import {
  demoUser,
  publicClientId,
  resolveOptions,
  serviceClientId,
  type SandboxOptions,
} from './options';
import { AccountRateLimiter } from './rate-limit';
import { RequestStats } from './request-stats';
import { loadOrGenerate, save } from './sandbox-data';
import { createListener } from './server';
import { SaveScheduler } from './store/save-scheduler';
import { sandboxState, type SandboxState } from './state-report';

export type { SandboxOptions } from './options';
export type { FaultRule } from './faults/fault-rules';
export type { SandboxState } from './state-report';

export interface Sandbox {
  url: string;
  revnue: {
    baseUrl: string;
    token: string;
    company: number;
    /** Every admin token of the one account. */ tokens: string[];
  };
  r2: {
    baseUrl: string;
    issuer: string;
    publicClientId: string;
    serviceClientId: string;
    serviceClientSecret: string;
    username: string;
    password: string;
    /** Registered loopback redirect URIs; any port is accepted (RFC 8252 §7.3). */
    redirectUris: string[];
  };
  /** Stops listening, drops open connections and writes the data file, if any. */
  close(): Promise<void>;
  /** Replaces the fault rules (a spec string or rules); `expire-tokens` acts at once. */
  setFaults(faults: string | FaultRule[]): void;
  state(): SandboxState;
}

export async function startSandbox(input: SandboxOptions = {}): Promise<Sandbox> {
  const options = resolveOptions(input);
  const initialFaults =
    typeof options.faults === 'string'
      ? parseFaultSpec(options.faults)
      : validateFaultRules(options.faults);
  const started = Date.now();
  const { data, loaded } = await loadOrGenerate(options);
  options.log(
    `${loaded ? 'loaded' : 'generated'} ${data.revnue.customers.size} Revnue and ${data.r2.customers.size} R2 customers in ${Date.now() - started} ms`,
  );

  const dataFile = options.dataFile;
  const saver = dataFile
    ? new SaveScheduler(
        () => save(dataFile, data, options.seed),
        200,
        (error) => options.log(`could not save ${dataFile}: ${error.message}`),
      )
    : undefined;
  const onChange = () => saver?.markDirty();
  data.oauth.onChange = onChange;

  const stats = new RequestStats();
  const limiters = {
    revnue: new AccountRateLimiter('revnue', options.rateLimitRevnue, options.rateLimitWindowMs),
    r2: new AccountRateLimiter('r2', options.rateLimitR2, options.rateLimitWindowMs),
  };
  const faults = new FaultInjector(options.seed, () => data.oauth.expireAccessTokens());
  faults.setRules(initialFaults);

  // The issuer URL contains the port, known only after listen(): the OAuth server comes last.
  const oauth: { provider?: Provider; handler?: ReturnType<Provider['callback']> } = {};
  const requireProvider = () => {
    if (!oauth.provider) throw new Error('The OAuth server is not ready yet.');
    return oauth.provider;
  };
  const setFaults = (spec: string | FaultRule[]) =>
    faults.setRules(typeof spec === 'string' ? parseFaultSpec(spec) : validateFaultRules(spec));
  const state = () => sandboxState({ data, stats, limiters, faults });

  const server = createServer(
    createListener({
      revnue: { state: data.revnue, onChange, limiter: limiters.revnue },
      r2: {
        state: data.r2,
        onChange,
        limiter: limiters.r2,
        provider: requireProvider,
        now: Date.now,
      },
      faults,
      stats,
      provider: requireProvider,
      oauthHandler: () => {
        if (!oauth.handler) throw new Error('The OAuth server is not ready yet.');
        return oauth.handler;
      },
      admin: (req, path) => handleAdmin({ state, setFaults }, req, path),
      log: options.log,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = createProvider({
    issuer: url,
    store: data.oauth,
    secrets: data.secrets,
    accessTokenTtlSeconds: options.tokenTtlSeconds,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds,
  });
  oauth.provider = provider;
  oauth.handler = provider.callback();
  // The first save of freshly generated data runs in the background so startup stays fast;
  // close() waits for it.
  if (dataFile && !loaded) saver?.markDirty();

  return {
    url,
    revnue: {
      baseUrl: `${url}/api/v2/`,
      token: data.revnue.tokens[0] ?? '',
      company: 1,
      tokens: [...data.revnue.tokens],
    },
    r2: {
      baseUrl: `${url}/r2/`,
      issuer: url,
      publicClientId,
      serviceClientId,
      serviceClientSecret: data.secrets.serviceClientSecret,
      username: demoUser.username,
      password: demoUser.password,
      redirectUris: [...loopbackRedirectUris],
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await saver?.flush();
    },
    setFaults,
    state,
  };
}
