// An in-memory `window.fieldbook` for the renderer's browser tests: the real client object built
// from the channel and event lists, over a fake transport whose answers each test scripts per
// operation, and whose events each test emits as main would.
import type { ConnectionView } from '../../../src-shared/connection';
import type { Channel } from '../../../src-shared/ipc/channels';
import { createFieldbookApi } from '../../../src-shared/ipc/client';
import type { Input, Output, SecretsStatus } from '../../../src-shared/ipc/contract';
import type { EventName } from '../../../src-shared/ipc/event-names';
import { events, type EventInput } from '../../../src-shared/ipc/events';
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { Result } from '../../../src-shared/ipc/result';

export type FakeHandler<C extends Channel> = (input: Input<C>) => Promise<Result<Output<C>>>;
export type FakeHandlers = { [C in Channel]?: FakeHandler<C> };

export interface FakeFieldbook {
  api: FieldbookApi;
  handlers: FakeHandlers;
  /** Every call in order, with its input. */
  calls: { channel: Channel; input: unknown }[];
  callsTo(channel: Channel): unknown[];
  /**
   * Announces an event as main would: parsed with the event's schema first (a payload main could
   * never send throws here), then delivered to every listener subscribed now.
   */
  emit<E extends EventName>(event: E, payload: EventInput<E>): void;
  /** How many listeners `event` has (0 once every subscriber unsubscribed). */
  listenerCount(event: EventName): number;
}

export function createFakeFieldbook(handlers: FakeHandlers = {}): FakeFieldbook {
  const calls: FakeFieldbook['calls'] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const api = createFieldbookApi(
    async (channel, input) => {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((input: unknown) => Promise<unknown>) | undefined;
      if (!handler)
        return { ok: false, error: { kind: 'server', message: `${channel} not faked` } };
      return handler(input);
    },
    (event, deliver) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(deliver));
      return () => set.delete(deliver);
    },
  );
  return {
    api,
    handlers,
    calls,
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((c) => c.input),
    emit(event, payload) {
      const parsed = events[event].parse(payload);
      for (const deliver of [...(listeners.get(event) ?? [])]) deliver(parsed);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

export function revnueConnection(overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id: 'rv-1',
    createdAt: '2026-11-23T04:00:00.000Z',
    kind: 'revnue-v2',
    name: 'Sandbox – Revnue',
    baseUrl: 'http://127.0.0.1:4010/api/v2/',
    auth: { mode: 'admin_token' },
    company: 1,
    authState: 'signed_in',
    active: true,
    ...overrides,
  } as ConnectionView;
}

export function r2Connection(overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id: 'r2-1',
    createdAt: '2026-11-23T04:00:01.000Z',
    kind: 'r2',
    name: 'Sandbox – Unibiz R2',
    baseUrl: 'http://127.0.0.1:4010/r2/',
    auth: { mode: 'pkce', clientId: 'fieldbook-desktop', issuer: 'http://127.0.0.1:4010' },
    authState: 'signing_in',
    active: false,
    ...overrides,
  } as ConnectionView;
}

/** Lets every pending promise callback (the fake's answers, the state's awaits) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `secrets.*` for a computer without a keyring: `unavailable` (with main's reason) until the user
 * accepts weaker storage, `weak` after that (or from the start with `accepted`), and `unavailable`
 * again once withdrawn. `accepts` / `withdrawals` count the calls main received.
 */
export function secretsWithoutKeyring(canAcceptWeakStorage = true, alreadyAccepted = false) {
  const message =
    'Fieldbook found no secure place on this computer to keep your sign-in. Start or install a ' +
    'keyring and restart Fieldbook, or choose "Keep sign-ins with weaker protection".';
  let accepted = alreadyAccepted;
  const state = { accepts: 0, withdrawals: 0 };
  const status = (): SecretsStatus =>
    accepted ? { store: 'weak' } : { store: 'unavailable', message, canAcceptWeakStorage };
  const handlers: FakeHandlers = {
    'secrets.status': async () => ({ ok: true, value: status() }),
    'secrets.acceptWeakStorage': async () => {
      state.accepts += 1;
      if (!canAcceptWeakStorage) return { ok: false, error: { kind: 'auth', message } };
      accepted = true;
      return { ok: true, value: status() };
    },
    'secrets.withdrawWeakStorage': async () => {
      state.withdrawals += 1;
      accepted = false;
      return { ok: true, value: status() };
    },
  };
  return { handlers, message, state };
}

/**
 * `links.open` as main answers it: opens (records) what main would compose from the raw value,
 * or refuses in words like main does. `opened` lists the values main was asked to open.
 */
export function linksThatOpen(refusal = 'Fieldbook opens only plain secure web addresses.') {
  const opened: Input<'links.open'>[] = [];
  const handlers: FakeHandlers = {
    'links.open': async (input) => {
      opened.push(input);
      return input.value.includes('refuse-me')
        ? { ok: false, error: { kind: 'validation', message: refusal } }
        : { ok: true, value: null };
    },
  };
  return { handlers, opened, refusal };
}
