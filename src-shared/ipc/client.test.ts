import { describe, expect, expectTypeOf, test, vi } from 'vitest';
import { channels, isChannel, type Channel } from './channels';
import { createFieldbookApi, type Invoke, type Subscribe } from './client';
import { contract, type Input, type Output } from './contract';
import { eventNames, type EventName } from './event-names';
import { events, type EventPayload } from './events';
import type { FieldbookApi } from './fieldbook-api';
import type { Result } from './result';

/** A transport without events, for the tests about operations. */
const noEvents: Subscribe = () => () => {};

/** Delivers like an EventEmitter (ipcRenderer): in order, and a throw would stop the rest. */
function emitterTransport() {
  const subscribers = new Map<EventName, Set<(payload: unknown) => void>>();
  const subscribe = vi.fn<Subscribe>((event, deliver) => {
    const set = subscribers.get(event) ?? new Set();
    subscribers.set(event, set);
    set.add(deliver);
    return () => set.delete(deliver);
  });
  return {
    subscribe,
    emit(event: EventName, payload: unknown) {
      for (const deliver of [...(subscribers.get(event) ?? [])]) deliver(payload);
    },
    count: (event: EventName) => subscribers.get(event)?.size ?? 0,
  };
}

const signedIn: EventPayload<'auth.changed'> = { connectionId: 'r2-1', state: 'signed_in' };

function operationAt(api: FieldbookApi, channel: Channel): (input?: unknown) => Promise<unknown> {
  let node: unknown = api;
  for (const segment of channel.split('.')) node = (node as Record<string, unknown>)[segment];
  expect(typeof node).toBe('function');
  return node as (input?: unknown) => Promise<unknown>;
}

describe('the channel list and the contract', () => {
  test('name the same operations', () => {
    expect(Object.keys(contract).sort()).toEqual([...channels].sort());
    expect(new Set(channels).size).toBe(channels.length);
  });

  test('the event list and the event schemas name the same events, none of them a channel', () => {
    expect(Object.keys(events).sort()).toEqual([...eventNames].sort());
    expect(new Set(eventNames).size).toBe(eventNames.length);
    for (const name of eventNames) expect(isChannel(name), name).toBe(false);
  });

  test('isChannel knows exactly the contract channels', () => {
    expect(channels.every(isChannel)).toBe(true);
    expect(isChannel('r2.customers')).toBe(false);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel(42)).toBe(false);
  });
});

describe('createFieldbookApi', () => {
  test('every channel is a method at its dotted path that invokes exactly that channel', async () => {
    const invoke = vi.fn<Invoke>(async (channel) => ({ ok: true, value: channel }));
    const api = createFieldbookApi(invoke, noEvents);
    for (const channel of channels) {
      const input = { probe: channel };
      expect(await operationAt(api, channel)(input)).toEqual({ ok: true, value: channel });
      expect(invoke).toHaveBeenLastCalledWith(channel, input);
    }
    expect(invoke).toHaveBeenCalledTimes(channels.length);
  });

  test('offers named operations only: no generic invoke, nothing writable', () => {
    const api = createFieldbookApi(async () => ({ ok: true, value: null }), noEvents);
    expect(Object.keys(api).sort()).toEqual([
      'auth',
      'connections',
      'desktop',
      'export',
      'journal',
      'links',
      'on',
      'r2',
      'revnue',
      'sandbox',
      'secrets',
    ]);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.r2.customers)).toBe(true);
    expect(() => {
      (api.connections as unknown as Record<string, unknown>).list = () => 'hijacked';
    }).toThrow(TypeError);
    // @ts-expect-error — there is no way to name an arbitrary channel
    expect(api.invoke).toBeUndefined();
  });

  test('a transport that fails becomes a network error, never a rejection', async () => {
    const api = createFieldbookApi(async () => {
      throw new Error("No handler registered for 'connections.list'");
    }, noEvents);
    expect(await api.connections.list()).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  test.each([undefined, null, 'ok', { ok: 'yes' }, { ok: false }, { ok: false, error: {} }])(
    'an answer that is not a Result (%j) becomes bad_response',
    async (answer) => {
      const api = createFieldbookApi(async () => answer, noEvents);
      expect(await api.sandbox.tryIt()).toMatchObject({
        ok: false,
        error: { kind: 'bad_response' },
      });
    },
  );

  test('its types follow the contract', () => {
    expectTypeOf<FieldbookApi['r2']['customers']['patch']>()
      .parameter(0)
      .toEqualTypeOf<Input<'r2.customers.patch'>>();
    expectTypeOf<FieldbookApi['revnue']['customers']['findByName']>().returns.toEqualTypeOf<
      Promise<Result<Output<'revnue.customers.findByName'>>>
    >();
    expectTypeOf<FieldbookApi['connections']['list']>().toBeCallableWith();
    expectTypeOf<Output<'r2.customers.list'>['total']>().toEqualTypeOf<number>();
  });
});

describe('fieldbook.on', () => {
  test('delivers each payload of its event to its listener until unsubscribed', () => {
    const transport = emitterTransport();
    const api = createFieldbookApi(noInvoke, transport.subscribe);
    const heard: EventPayload<'auth.changed'>[] = [];
    const stop = api.on('auth.changed', (payload) => heard.push(payload));
    expect(transport.subscribe).toHaveBeenCalledWith('auth.changed', expect.any(Function));

    transport.emit('auth.changed', signedIn);
    transport.emit('connections.changed', { connections: [] });
    expect(heard).toEqual([signedIn]);

    stop();
    expect(transport.count('auth.changed')).toBe(0);
    transport.emit('auth.changed', { ...signedIn, state: 'signed_out' });
    expect(heard).toEqual([signedIn]);
    stop(); // a second call is harmless
    expect(transport.subscribe).toHaveBeenCalledTimes(1);
  });

  test('an unknown event name is a compile error and, at run time, subscribes to nothing', () => {
    const transport = emitterTransport();
    const api = createFieldbookApi(noInvoke, transport.subscribe);
    // @ts-expect-error — 'auth.status' is an operation, not an event
    const stop = api.on('auth.status', () => {});
    // @ts-expect-error — a listener must be a function
    api.on('auth.changed', 'not a function');
    expect(transport.subscribe).not.toHaveBeenCalled();
    expect(() => stop()).not.toThrow();
  });

  test('a listener that throws does not keep the event from the others, and is not swallowed', () => {
    vi.useFakeTimers();
    try {
      const transport = emitterTransport();
      const api = createFieldbookApi(noInvoke, transport.subscribe);
      const after = vi.fn();
      api.on('auth.changed', () => {
        throw new Error('broken listener');
      });
      api.on('auth.changed', after);
      expect(() => transport.emit('auth.changed', signedIn)).not.toThrow();
      expect(after).toHaveBeenCalledWith(signedIn);
      expect(() => vi.runAllTimers()).toThrow('broken listener');
    } finally {
      vi.useRealTimers();
    }
  });

  test('listeners are typed by the event list', () => {
    const api = createFieldbookApi(noInvoke, noEvents);
    const stop = api.on('connections.changed', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<EventPayload<'connections.changed'>>();
      expectTypeOf(payload.connections[0]!.authState).toEqualTypeOf<
        'signed_in' | 'signed_out' | 'signing_in'
      >();
    });
    api.on('auth.changed', (payload) => {
      expectTypeOf(payload.connectionId).toEqualTypeOf<string>();
    });
    expectTypeOf(stop).toEqualTypeOf<() => void>();
  });
});

async function noInvoke(): Promise<unknown> {
  return { ok: true, value: null };
}
