import { describe, expect, test } from 'vitest';
import type { AuthState } from '../../../src-shared/connection';
import {
  createFakeFieldbook,
  manualSchedule,
  r2Connection,
  revnueConnection,
  settle,
} from '../test-support/fake-fieldbook';
import { ConnectionsState } from './connections.svelte';

const policy = { firstDelayMs: 100, maxDelayMs: 400, maxAttempts: 5 };

/** auth.status answers these states in turn, then repeats the last one. */
function authStates(...states: AuthState[]) {
  let calls = 0;
  return async ({ connectionId }: { connectionId: string }) => {
    const state = states[Math.min(calls++, states.length - 1)] as AuthState;
    return { ok: true as const, value: { connectionId, state } };
  };
}

describe('ConnectionsState', () => {
  test('starts empty, then Try the sandbox fills the list and marks the active one', async () => {
    const fake = createFakeFieldbook({
      'connections.list': async () => ({ ok: true, value: { connections: [] } }),
      'sandbox.tryIt': async () => ({
        ok: true,
        value: { connections: [revnueConnection(), r2Connection({ authState: 'signed_in' })] },
      }),
    });
    const state = new ConnectionsState(fake.api, { schedule: manualSchedule().schedule, policy });
    expect(state.loading).toBe(true);
    await state.load();
    expect(state.loading).toBe(false);
    expect(state.connections).toEqual([]);
    expect(state.active).toBeUndefined();

    const trying = state.tryTheSandbox();
    expect(state.trying).toBe(true);
    await trying;
    expect(state.trying).toBe(false);
    expect(state.error).toBeNull();
    expect(state.connections.map((c) => c.kind)).toEqual(['revnue-v2', 'r2']);
    expect(state.active?.id).toBe('rv-1');
  });

  test('a failed Try the sandbox shows main’s message and can be retried', async () => {
    let attempts = 0;
    const fake = createFakeFieldbook({
      'sandbox.tryIt': async () =>
        ++attempts === 1
          ? {
              ok: false,
              error: { kind: 'server', message: 'The sandbox could not start: port in use' },
            }
          : { ok: true, value: { connections: [revnueConnection()] } },
    });
    const state = new ConnectionsState(fake.api, { schedule: manualSchedule().schedule, policy });
    await state.tryTheSandbox();
    expect(state.error).toBe('The sandbox could not start: port in use');
    expect(state.trying).toBe(false);
    expect(state.connections).toEqual([]);

    await state.tryTheSandbox();
    expect(state.error).toBeNull();
    expect(state.connections).toHaveLength(1);
  });

  test('field messages and a retry hint are part of the error text', async () => {
    const fake = createFakeFieldbook({
      'connections.list': async () => ({
        ok: false,
        error: {
          kind: 'rate_limited',
          message: 'Too many requests.',
          retryAfterMs: 2500,
          fields: { name: ['Name is required'] },
        },
      }),
    });
    const state = new ConnectionsState(fake.api, { schedule: manualSchedule().schedule, policy });
    await state.load();
    expect(state.error).toBe(
      'Too many requests. name: Name is required Fieldbook tries again in 3 s.',
    );
  });

  test('polls a signing-in connection with backoff and stops once it is signed in', async () => {
    const timer = manualSchedule();
    const fake = createFakeFieldbook({
      'connections.list': async () => ({
        ok: true,
        value: { connections: [revnueConnection(), r2Connection()] },
      }),
      'auth.status': authStates('signing_in', 'signing_in', 'signed_in'),
    });
    const state = new ConnectionsState(fake.api, { schedule: timer.schedule, policy });
    await state.load();
    expect(state.isWatching('r2-1')).toBe(true);
    expect(state.isWatching('rv-1')).toBe(false);

    const delays: number[] = [];
    while (timer.pending.size > 0) {
      delays.push(...timer.runAll());
      await settle();
    }
    expect(delays).toEqual([100, 200, 400]);
    expect(fake.callsTo('auth.status')).toEqual([
      { connectionId: 'r2-1' },
      { connectionId: 'r2-1' },
      { connectionId: 'r2-1' },
    ]);
    expect(state.connections.find((c) => c.id === 'r2-1')?.authState).toBe('signed_in');
    expect(state.isWatching('r2-1')).toBe(false);
  });

  test('gives up after the policy’s attempts, and keeps asking through errors until then', async () => {
    const timer = manualSchedule();
    const fake = createFakeFieldbook({
      'connections.list': async () => ({ ok: true, value: { connections: [r2Connection()] } }),
      'auth.status': async () => ({ ok: false, error: { kind: 'network', message: 'busy' } }),
    });
    const state = new ConnectionsState(fake.api, { schedule: timer.schedule, policy });
    await state.load();
    let rounds = 0;
    while (timer.pending.size > 0 && rounds < 50) {
      timer.runAll();
      await settle();
      rounds += 1;
    }
    expect(fake.callsTo('auth.status')).toHaveLength(policy.maxAttempts);
    expect(state.isWatching('r2-1')).toBe(false);
    expect(state.connections[0]?.authState).toBe('signing_in');
    expect(state.error).toBeNull();
  });

  test('dispose stops polling, even with a check already on its way', async () => {
    const timer = manualSchedule();
    const fake = createFakeFieldbook({
      'connections.list': async () => ({ ok: true, value: { connections: [r2Connection()] } }),
      'auth.status': authStates('signing_in'),
    });
    const state = new ConnectionsState(fake.api, { schedule: timer.schedule, policy });
    await state.load();
    timer.runAll(); // the first check is now in flight
    state.dispose();
    await settle();
    expect(timer.pending.size).toBe(0);
    expect(fake.callsTo('auth.status')).toHaveLength(1);
    expect(state.isWatching('r2-1')).toBe(false);
  });

  test('select marks the connection at once and undoes it when main refuses', async () => {
    const fake = createFakeFieldbook({
      'connections.list': async () => ({
        ok: true,
        value: { connections: [revnueConnection(), r2Connection({ authState: 'signed_in' })] },
      }),
      'connections.select': async ({ id }) =>
        id === 'r2-1'
          ? { ok: true, value: r2Connection({ authState: 'signed_in', active: true }) }
          : {
              ok: false,
              error: { kind: 'not_found', message: 'That connection no longer exists' },
            },
    });
    const state = new ConnectionsState(fake.api, { schedule: manualSchedule().schedule, policy });
    await state.load();
    const selecting = state.select('r2-1');
    expect(state.active?.id).toBe('r2-1');
    await selecting;
    expect(state.active?.id).toBe('r2-1');
    expect(state.connections.filter((c) => c.active)).toHaveLength(1);

    await state.select('rv-1');
    expect(state.error).toBe('That connection no longer exists');
    expect(state.active?.id).toBe('r2-1');
  });
});
