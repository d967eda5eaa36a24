import { describe, expect, expectTypeOf, test, vi } from 'vitest';
import { channels, isChannel, type Channel } from './channels';
import { createFieldbookApi, type Invoke } from './client';
import { contract, type Input, type Output } from './contract';
import type { FieldbookApi } from './fieldbook-api';
import type { Result } from './result';

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
    const api = createFieldbookApi(invoke);
    for (const channel of channels) {
      const input = { probe: channel };
      expect(await operationAt(api, channel)(input)).toEqual({ ok: true, value: channel });
      expect(invoke).toHaveBeenLastCalledWith(channel, input);
    }
    expect(invoke).toHaveBeenCalledTimes(channels.length);
  });

  test('offers named operations only: no generic invoke, nothing writable', () => {
    const api = createFieldbookApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual([
      'auth',
      'connections',
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
    });
    expect(await api.connections.list()).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  test.each([undefined, null, 'ok', { ok: 'yes' }, { ok: false }, { ok: false, error: {} }])(
    'an answer that is not a Result (%j) becomes bad_response',
    async (answer) => {
      const api = createFieldbookApi(async () => answer);
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
