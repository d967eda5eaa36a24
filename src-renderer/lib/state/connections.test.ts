import { describe, expect, test } from 'vitest';
import type { ConnectionView } from '../../../src-shared/connection';
import type { Result } from '../../../src-shared/ipc/result';
import {
  createFakeFieldbook,
  r2Connection,
  revnueConnection,
  settle,
} from '../test-support/fake-fieldbook';
import { ConnectionsState } from './connections.svelte';

/** A call whose answer the test gives when it wants to. */
function heldAnswer<T>() {
  let answer: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => (answer = resolve));
  return { promise, answer };
}

const listOf = (...connections: ConnectionView[]) => ({
  ok: true as const,
  value: { connections },
});

describe('ConnectionsState', () => {
  test('starts empty, then Try the sandbox fills the list and marks the active one', async () => {
    const fake = createFakeFieldbook({
      'connections.list': async () => listOf(),
      'sandbox.tryIt': async () =>
        listOf(revnueConnection(), r2Connection({ authState: 'signed_in' })),
    });
    const state = new ConnectionsState(fake.api);
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
          : listOf(revnueConnection()),
    });
    const state = new ConnectionsState(fake.api);
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
    const state = new ConnectionsState(fake.api);
    await state.load();
    expect(state.error).toBe(
      'Too many requests. name: Name is required Fieldbook tries again in 3 s.',
    );
  });

  test('a background sign-in shows as signed in when main announces it, without asking', async () => {
    const fake = createFakeFieldbook({
      'connections.list': async () => listOf(revnueConnection(), r2Connection()),
    });
    const state = new ConnectionsState(fake.api);
    await state.load();
    expect(state.connections.map((c) => c.authState)).toEqual(['signed_in', 'signing_in']);

    fake.emit('auth.changed', { connectionId: 'r2-1', state: 'signed_in' });
    expect(state.connections.map((c) => c.authState)).toEqual(['signed_in', 'signed_in']);
    fake.emit('auth.changed', { connectionId: 'rv-1', state: 'signed_out', message: 'Expired.' });
    expect(state.connections.map((c) => c.authState)).toEqual(['signed_out', 'signed_in']);
    // A connection this window does not know yet changes nothing (its list event follows).
    fake.emit('auth.changed', { connectionId: 'elsewhere', state: 'signed_in' });
    expect(state.connections.map((c) => c.id)).toEqual(['rv-1', 'r2-1']);
    // Main announces the state; the window never polls for it.
    expect(fake.callsTo('auth.status')).toEqual([]);
    expect(fake.calls.map((c) => c.channel)).toEqual(['connections.list']);
  });

  test('connections.changed replaces the list: created, renamed, selected or deleted elsewhere', async () => {
    const fake = createFakeFieldbook({
      'connections.list': async () => listOf(revnueConnection()),
    });
    const state = new ConnectionsState(fake.api);
    await state.load();
    fake.emit('connections.changed', {
      connections: [
        revnueConnection({ name: 'Head office', active: false }),
        r2Connection({ active: true }),
      ],
    });
    expect(state.connections.map((c) => c.name)).toEqual(['Head office', 'Sandbox – Unibiz R2']);
    expect(state.active?.id).toBe('r2-1');
    fake.emit('connections.changed', { connections: [] });
    expect(state.connections).toEqual([]);
    expect(state.active).toBeUndefined();
  });

  test('a change announced while a list was on its way is not undone by that older list', async () => {
    const held = heldAnswer<Result<{ connections: ConnectionView[] }>>();
    const fake = createFakeFieldbook({ 'sandbox.tryIt': () => held.promise });
    const state = new ConnectionsState(fake.api);
    const trying = state.tryTheSandbox();
    // Main read the list while R2 was still signing in, then the sign-in finished …
    fake.emit('auth.changed', { connectionId: 'r2-1', state: 'signed_in' });
    // … and the older answer arrives after the event.
    held.answer(listOf(revnueConnection(), r2Connection({ authState: 'signing_in' })));
    await trying;
    expect(state.connections.map((c) => c.authState)).toEqual(['signed_in', 'signed_in']);

    // Once nothing is on its way, later answers are taken as they come.
    fake.emit('connections.changed', { connections: [revnueConnection()] });
    expect(state.connections).toHaveLength(1);
  });

  test('select marks the connection at once and undoes it when main refuses', async () => {
    const fake = createFakeFieldbook({
      'connections.list': async () =>
        listOf(revnueConnection(), r2Connection({ authState: 'signed_in' })),
      'connections.select': async ({ id }) =>
        id === 'r2-1'
          ? { ok: true, value: r2Connection({ authState: 'signed_in', active: true }) }
          : {
              ok: false,
              error: { kind: 'not_found', message: 'That connection no longer exists' },
            },
    });
    const state = new ConnectionsState(fake.api);
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

  test('listens from construction and stops listening on dispose, even with a call on its way', async () => {
    const held = heldAnswer<Result<{ connections: ConnectionView[] }>>();
    const fake = createFakeFieldbook({ 'connections.list': () => held.promise });
    const state = new ConnectionsState(fake.api);
    expect(fake.listenerCount('auth.changed')).toBe(1);
    expect(fake.listenerCount('connections.changed')).toBe(1);
    const loading = state.load();
    state.dispose();
    expect(fake.listenerCount('auth.changed')).toBe(0);
    expect(fake.listenerCount('connections.changed')).toBe(0);
    held.answer(listOf(revnueConnection()));
    await loading;
    await settle();
    expect(state.connections).toEqual([]);
  });
});
