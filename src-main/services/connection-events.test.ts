// What main announces to the window about connections and sign-ins: unit tests of the announcer
// and the announcing store, then the real services over IPC against the sandbox.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection, ConnectionView } from '../../src-shared/connection';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { ConnectionStore } from '../connections/connection-store';
import { createEventHub, type HubEvent } from '../ipc/event-hub';
import type { ConnectionViews } from './connection-handlers';
import type { AuthStateChange } from '../auth/auth-service';
import {
  announceAuthChanges,
  announcingConnectionStore,
  createConnectionsAnnouncer,
} from './connection-events';
import { createServicesWorld, type ServicesWorld } from './test-support/services-world';

function view(name: string): ConnectionView {
  return {
    id: `id-${name}`,
    createdAt: '2026-11-23T04:00:00.000Z',
    kind: 'revnue-v2',
    name,
    baseUrl: 'http://127.0.0.1:4010/api/v2/',
    auth: { mode: 'admin_token' },
    company: 1,
    authState: 'signed_out',
    active: false,
  };
}

/** views.list answers only when the test says so, with the names current at that moment. */
function controlledViews() {
  const names: string[] = [];
  const waiting: (() => void)[] = [];
  const views: ConnectionViews = {
    view: async () => fail('server', 'not used'),
    list: () =>
      new Promise<Result<{ connections: ConnectionView[] }>>((resolve) => {
        waiting.push(() => resolve(ok({ connections: names.map(view) })));
      }),
  };
  const answerAll = async () => {
    while (waiting.length > 0) {
      waiting.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { names, views, answerAll, lists: () => waiting.length };
}

function recordedHub() {
  const hub = createEventHub({ log: () => {} });
  const names: string[][] = [];
  hub.subscribe((e) => {
    if (e.event === 'connections.changed') names.push(e.payload.connections.map((c) => c.name));
  });
  return { hub, names };
}

describe('the connections announcer', () => {
  it('runs one announcement at a time and ends with the latest list', async () => {
    const { names: current, views, answerAll, lists } = controlledViews();
    const { hub, names } = recordedHub();
    const announcer = createConnectionsAnnouncer(views, hub, () => {});
    current.push('A');
    announcer.changed();
    current.push('B');
    announcer.changed();
    current.push('C');
    announcer.changed();
    expect(lists()).toBe(1); // the second and third change share the next announcement
    await answerAll();
    await announcer.idle();
    expect(names).toEqual([
      ['A', 'B', 'C'],
      ['A', 'B', 'C'],
    ]);
  });

  it('logs a list it cannot read and keeps announcing later changes', async () => {
    const log = vi.fn();
    const { hub, names } = recordedHub();
    let broken = true;
    const views: ConnectionViews = {
      view: async () => fail('server', 'not used'),
      list: async () =>
        broken ? fail('server', 'disk full') : ok({ connections: [view('Back')] }),
    };
    const announcer = createConnectionsAnnouncer(views, hub, log);
    announcer.changed();
    await announcer.idle();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk full'));
    broken = false;
    announcer.changed();
    await announcer.idle();
    expect(names).toEqual([['Back']]);
  });
});

describe('the announcing connection store', () => {
  it('announces after each change that succeeded, never after a read or a failure', async () => {
    const connection = { id: 'c1' } as Connection;
    const answer = async () => ok(connection);
    const store: ConnectionStore = {
      list: async () => ok([connection]),
      get: answer,
      activeId: async () => ok('c1'),
      create: answer,
      rename: answer,
      select: answer,
      repoint: answer,
      delete: async (id) => (id === 'c1' ? ok(undefined) : fail('not_found', 'gone')),
    };
    const changed = vi.fn();
    const announcing = announcingConnectionStore(store, { changed });
    await announcing.list();
    await announcing.get('c1');
    await announcing.activeId();
    expect(changed).not.toHaveBeenCalled();
    await announcing.create({});
    await announcing.rename('c1', 'New');
    await announcing.select('c1');
    await announcing.repoint('c1', { baseUrl: 'http://127.0.0.1:1/' });
    await announcing.delete('c1');
    expect(changed).toHaveBeenCalledTimes(5);
    expect(await announcing.delete('missing')).toMatchObject({ ok: false });
    expect(changed).toHaveBeenCalledTimes(5);
  });
});

describe('announcing sign-in changes', () => {
  it('sends auth.changed and then the list again, whose views carry the new state', () => {
    let listener: ((change: AuthStateChange) => void) | undefined;
    const auth = {
      onStateChange: (l: (change: AuthStateChange) => void) => ((listener = l), () => {}),
    };
    const hub = createEventHub({ log: () => {} });
    const heard: HubEvent[] = [];
    hub.subscribe((e) => heard.push(e));
    const changed = vi.fn();
    announceAuthChanges(auth, hub, { changed });
    listener?.({ connectionId: 'r2-1', state: 'signed_out', message: 'Sign in again.' });
    expect(heard).toEqual([
      {
        event: 'auth.changed',
        payload: { connectionId: 'r2-1', state: 'signed_out', message: 'Sign in again.' },
      },
    ]);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});

describe('events from the real services', () => {
  let world: ServicesWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  const listed = (event: HubEvent) =>
    event.event === 'connections.changed' ? event.payload.connections : [];

  it('Try the sandbox announces both connections and each sign-in as it settles', async () => {
    world = await createServicesWorld();
    const { revnueId, r2Id, events } = world;
    const auth = events.flatMap((e) => (e.event === 'auth.changed' ? [e.payload] : []));
    expect(auth.filter((a) => a.connectionId === revnueId).map((a) => a.state)).toEqual([
      'signed_in',
    ]);
    expect(auth.filter((a) => a.connectionId === r2Id).map((a) => a.state)).toEqual([
      'signing_in',
      'signed_in',
    ]);
    const both = await world.nextEvent((e) => listed(e).length === 2);
    expect(listed(both).map((c) => c.kind)).toEqual(['revnue-v2', 'r2']);
    // The last list announced shows both signed in, however the sign-in and the reads overlapped.
    const lastList = () => listed(events.findLast((e) => e.event === 'connections.changed')!);
    await expect.poll(() => lastList().map((c) => c.authState)).toEqual(['signed_in', 'signed_in']);
    // Every event is exactly what the event list allows: no secret rides along.
    const serialized = JSON.stringify(events);
    for (const token of await world.storedTokens()) expect(serialized).not.toContain(token);
    expect(serialized).not.toMatch(/accessToken|refreshToken|clientSecret|Bearer/);
  });

  it('rename, select, sign-out and delete over IPC each reach the window as an event', async () => {
    world = await createServicesWorld();
    const { call, revnueId, r2Id } = world;
    const renamed = await call('connections.rename', { id: r2Id, name: 'Field R2' });
    expect(renamed.ok).toBe(true);
    await world.nextEvent((e) => listed(e).some((c) => c.name === 'Field R2'));

    await call('connections.select', { id: r2Id });
    const selected = await world.nextEvent((e) => listed(e).some((c) => c.id === r2Id && c.active));
    expect(
      listed(selected)
        .filter((c) => c.active)
        .map((c) => c.id),
    ).toEqual([r2Id]);

    await call('auth.signOut', { connectionId: revnueId });
    await world.nextEvent(
      (e) =>
        e.event === 'auth.changed' &&
        e.payload.connectionId === revnueId &&
        e.payload.state === 'signed_out',
    );

    await call('connections.delete', { id: revnueId });
    const after = await world.nextEvent(
      (e) => e.event === 'connections.changed' && !listed(e).some((c) => c.id === revnueId),
    );
    expect(listed(after).map((c) => c.id)).toEqual([r2Id]);
  });
});
