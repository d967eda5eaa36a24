// Test world: main's services behind the real IPC router, on a fresh sandbox started through
// `sandbox.tryIt`, with R2 signed in by the form-filling browser. Every call goes through IPC,
// and every event main announces is recorded, so the tests see exactly what the window sees.
// Log lines are kept for the no-token checks.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/index';
import type { Channel } from '../../../src-shared/ipc/channels';
import type { EventName } from '../../../src-shared/ipc/event-names';
import type { Input, IpcSender, Output } from '../../../src-shared/ipc/contract';
import type { Result } from '../../../src-shared/ipc/result';
import { createFormFillingBrowser } from '../../auth/test-support/form-filling-browser';
import type { ConnectorSettings } from '../../connectors';
import type { HubEvent } from '../../ipc/event-hub';
import { createIpcRouter } from '../../ipc/router';
import { parseTokenSet, secretsOf } from '../../auth/token-set';
import { createMemorySecretStore, type SecretStore } from '../../secrets/secret-store';
import { systemClock } from '../../../src-shared/time/clock';
import { createMainServices } from '../create-main-services';

export interface ServicesWorld {
  sandbox: Sandbox;
  revnueId: string;
  r2Id: string;
  logs: string[];
  /** Every Result the router answered, serialized, for the no-token check. */
  answers: string[];
  /** Every event main announced, in order, from before `sandbox.tryIt` on. */
  events: HubEvent[];
  /** The first recorded event (earlier or later) that `matches`. */
  nextEvent(matches: (event: HubEvent) => boolean): Promise<HubEvent>;

  /** The in-memory SecretStore main keeps both connections' token sets in. */
  secrets: SecretStore & { accounts(): string[] };
  /** Every token string stored right now (access, refresh, client secret), of every connection. */
  storedTokens(): Promise<string[]>;
  call<C extends Channel>(channel: C, payload: Input<C>): Promise<Result<Output<C>>>;
  /** The same call from another sender (another window, say); `call` is from `test://world/`. */
  callFrom<C extends Channel>(
    sender: IpcSender,
    channel: C,
    payload: Input<C>,
  ): Promise<Result<Output<C>>>;
  /** The `subscribe` transport of createFieldbookApi: main's events of one name, as the preload delivers them. */
  subscribe(event: EventName, deliver: (payload: unknown) => void): () => void;
  close(): Promise<void>;
}

export async function createServicesWorld(
  options: { sandbox?: SandboxOptions; connectors?: ConnectorSettings } = {},
): Promise<ServicesWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'fieldbook-services-'));
  const logs: string[] = [];
  const answers: string[] = [];
  let sandbox: Sandbox | undefined;
  const secrets = createMemorySecretStore();
  const services = createMainServices({
    userDataDir: dir,
    secrets,
    browser: createFormFillingBrowser(),
    clock: systemClock,
    startSandbox: async (base) => {
      sandbox = await startSandbox({ ...base, customers: 30, ...options.sandbox, log: () => {} });
      return sandbox;
    },
    log: (line) => logs.push(line),
    // A free port: test files run in parallel and must not queue up behind the app's 47810.
    sandbox: { defaultPort: 0 },
    // Fast pacing unless a test is about pacing: the 40/min Revnue default would make tests slow.
    connectors: { revnuePerMinute: 1000, r2PerMinute: 6000, ...options.connectors },
  });
  const events: HubEvent[] = [];
  const waiters = new Set<{ matches: (e: HubEvent) => boolean; found: (e: HubEvent) => void }>();
  services.events.subscribe((event) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.matches(event)) {
        waiters.delete(waiter);
        waiter.found(event);
      }
    }
  });
  const nextEvent = (matches: (event: HubEvent) => boolean) => {
    const seen = events.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise<HubEvent>((found) => waiters.add({ matches, found }));
  };
  const router = createIpcRouter({
    handlers: services.handlers,
    isTrustedSender: () => true,
    log: (message, details) => logs.push(`${message} ${JSON.stringify(details)}`),
  });
  const call = <C extends Channel>(channel: C, payload: Input<C>) =>
    callFrom({ url: 'test://world/' }, channel, payload);
  async function callFrom<C extends Channel>(sender: IpcSender, channel: C, payload: Input<C>) {
    const answer = await router.handle(channel, sender, payload);
    answers.push(JSON.stringify(answer));
    return answer as Result<Output<C>>;
  }

  const tried = await call('sandbox.tryIt', undefined);
  if (!tried.ok || !sandbox) throw new Error(`tryIt failed: ${JSON.stringify(tried)}`);
  const byKind = (kind: string) => tried.value.connections.find((c) => c.kind === kind)?.id ?? '';
  const world: ServicesWorld = {
    sandbox,
    revnueId: byKind('revnue-v2'),
    r2Id: byKind('r2'),
    logs,
    answers,
    events,
    subscribe: (name, deliver) =>
      services.events.subscribe((event) => {
        if (event.event === name) deliver(event.payload);
      }),
    nextEvent,
    secrets,
    storedTokens: async () => {
      const sets = await Promise.all(secrets.accounts().map((id) => secrets.get(id)));
      return sets.flatMap((secret) => {
        const tokens = parseTokenSet(secret);
        return tokens ? secretsOf(tokens) : [];
      });
    },
    call,
    callFrom,
    close: async () => {
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  // The background R2 sign-in announces its end, as it does to the window.
  const settled = await nextEvent(
    (e) =>
      e.event === 'auth.changed' &&
      e.payload.connectionId === world.r2Id &&
      e.payload.state !== 'signing_in',
  );
  if (settled.event === 'auth.changed' && settled.payload.state === 'signed_in') return world;
  throw new Error(`the sandbox R2 sign-in did not complete: ${JSON.stringify(settled.payload)}`);
}
