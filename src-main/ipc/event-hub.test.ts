import { describe, expect, test, vi } from 'vitest';
import type { ConnectionView } from '../../src-shared/connection';
import type { EventName } from '../../src-shared/ipc/event-names';
import { createEventHub, type HubEvent } from './event-hub';

const connection: ConnectionView = {
  id: 'rv-1',
  createdAt: '2026-11-23T04:00:00.000Z',
  kind: 'revnue-v2',
  name: 'Sandbox – Revnue',
  baseUrl: 'http://127.0.0.1:4010/api/v2/',
  auth: { mode: 'admin_token' },
  company: 1,
  authState: 'signed_in',
  active: true,
};

function hubWithLog() {
  const log = vi.fn<(line: string) => void>();
  const hub = createEventHub({ log });
  const heard: HubEvent[] = [];
  const stop = hub.subscribe((event) => heard.push(event));
  return { hub, log, heard, stop };
}

describe('the event hub', () => {
  test('delivers the parsed payload, without keys the event list does not name', () => {
    const { hub, heard } = hubWithLog();
    const leaky = { connectionId: 'r2-1', state: 'signed_in', accessToken: 'at-secret-1' };
    hub.emit('auth.changed', leaky as never);
    const withToken = { ...connection, token: 'rvn_secret_2', auth: { mode: 'admin_token' } };
    hub.emit('connections.changed', { connections: [withToken as never] });

    expect(heard).toEqual([
      { event: 'auth.changed', payload: { connectionId: 'r2-1', state: 'signed_in' } },
      { event: 'connections.changed', payload: { connections: [connection] } },
    ]);
    expect(JSON.stringify(heard)).not.toMatch(/secret/);
  });

  test('drops a payload that breaks its schema and says why, never what it held', () => {
    const { hub, heard, log } = hubWithLog();
    hub.emit('auth.changed', { connectionId: 'r2-1', state: 'asleep', note: 'rvn_x' } as never);
    hub.emit('connections.changed', { connections: [{ id: 'only-an-id' }] } as never);
    expect(heard).toEqual([]);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[0]?.[0]).toMatch(/event auth\.changed dropped.*state/);
    expect(log.mock.calls[1]?.[0]).toMatch(/event connections\.changed dropped.*connections\.0/);
    expect(JSON.stringify(log.mock.calls)).not.toContain('rvn_x');
  });

  test('an event name that is not on the list is dropped (untyped callers)', () => {
    const { hub, heard, log } = hubWithLog();
    hub.emit('auth.status' as EventName, { connectionId: 'r2-1', state: 'signed_in' });
    expect(heard).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no event called "auth.status"'));
  });

  test('unsubscribe stops delivery to that listener only', () => {
    const { hub, heard, stop } = hubWithLog();
    const other: HubEvent[] = [];
    hub.subscribe((event) => other.push(event));
    stop();
    stop();
    hub.emit('auth.changed', { connectionId: 'r2-1', state: 'signed_out' });
    expect(heard).toEqual([]);
    expect(other).toHaveLength(1);
  });

  test('a failing listener does not keep the event from the others, and is logged redacted', () => {
    const { hub, heard, log } = hubWithLog();
    hub.subscribe(() => {
      throw new Error('window gone while sending Authorization: Bearer at-secret-3');
    });
    const last: HubEvent[] = [];
    hub.subscribe((event) => last.push(event));
    expect(() =>
      hub.emit('auth.changed', { connectionId: 'r2-1', state: 'signing_in' }),
    ).not.toThrow();
    expect(heard).toHaveLength(1);
    expect(last).toHaveLength(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('a listener failed: window gone'));
    expect(JSON.stringify(log.mock.calls)).not.toContain('at-secret-3');
  });
});
