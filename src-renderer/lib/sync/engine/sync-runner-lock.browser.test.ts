// One runner per profile (docs/architecture.md#the-sync-engine) in real Chromium: two runners in
// one page share the profile's Web Lock (navigator.locks), the heartbeat in localStorage and saves
// over a BroadcastChannel, on the real IndexedDB store. Only the holder syncs; closing it hands
// over; a stale heartbeat is stolen from.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../../../src-shared/connection';
import {
  createManualClock,
  type ManualClock,
} from '../../../../src-shared/time/test-support/manual-clock';
import type { CustomerStore } from '../../db/customer-store';
import { openCustomerStore } from '../../db/dexie-customer-store';
import type { SyncStatus } from '../sync-status';
import { testTiming } from '../test-support/test-timing';
import { FakeServer } from '../test-support/fake-server';
import { FakeServerAdapter } from '../test-support/fake-server-adapter';
import {
  cardDescriptor,
  cardServerOptions,
  type Card,
} from '../test-support/fake-server-descriptor';
import { localStorageHeartbeat } from './browser-signals';
import type { Heartbeat } from './profile-lock';
import {
  createSettlingSyncRunner,
  type SettlingSyncRunner,
} from '../test-support/settling-sync-runner';

const descriptor = cardDescriptor();
const connection: ConnectionView = {
  id: 'conn-1',
  createdAt: '2026-01-05T09:00:00Z',
  kind: 'revnue-v2',
  name: 'Test account',
  baseUrl: 'http://127.0.0.1:4010/api/v2/',
  auth: { mode: 'admin_token' },
  company: 1,
  authState: 'signed_in',
  active: true,
};

interface Window {
  readonly runner: SettlingSyncRunner;
  readonly store: CustomerStore;
  readonly adapter: FakeServerAdapter<Card>;
}

let opened: Window[] = [];
afterEach(async () => {
  for (const window of opened) {
    await window.runner.close();
    window.store.close();
  }
  opened = [];
});

function profile() {
  const id = crypto.randomUUID();
  const clock = createManualClock(Date.now());
  const server = new FakeServer(cardServerOptions(clock));
  const lockName = `fieldbook-sync-test-${id}`;
  const open = (heartbeat?: Heartbeat): Window => {
    const store = openCustomerStore(`fieldbook-lock-test-${id}`, { now: () => clock.now() });
    const adapter = new FakeServerAdapter(server, descriptor, connection.id);
    const runner = createSettlingSyncRunner({
      store,
      adapterFor: () => adapter as FakeServerAdapter<unknown>,
      clock,
      timing: testTiming,
      random: () => 0.5,
      lockName,
      lockTiming: { beatEveryMs: 10_000, staleAfterMs: 30_000 },
      online: { isOnline: () => true, subscribe: () => () => undefined },
      ...(heartbeat ? { heartbeat } : {}),
    });
    runner.setConnections([connection]);
    const window = { runner, store, adapter };
    opened.push(window);
    return window;
  };
  return { clock, server, lockName, open };
}

/** Resolves when the window's status satisfies `wanted` (now or at a later change). */
function statusOf(window: Window, wanted: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const check = (status: SyncStatus | undefined) => {
      if (!status || !wanted(status)) return false;
      unsubscribe();
      resolve(status);
      return true;
    };
    const unsubscribe = window.runner.subscribe((status) => void check(status));
    check(window.runner.status(connection.id));
  });
}

const holding = (status: SyncStatus) => status.phase !== 'paused';
const waitingForLock = (status: SyncStatus) => status.pauseReason === 'another_window';

async function settle(clock: ManualClock, window: Window) {
  await window.runner.quiet();
  clock.advance(testTiming.saveDebounceMs);
  await window.runner.quiet();
}

describe('the sync lock in Chromium', () => {
  it('lets only one of two windows sync; a save in the other is pushed by the holder', async () => {
    const { clock, server, lockName, open } = profile();
    const first = open();
    await statusOf(first, holding);
    const second = open();
    await statusOf(second, waitingForLock);
    const locks = await navigator.locks.query();
    expect(locks.held?.filter((lock) => lock.name === lockName)).toHaveLength(1);
    expect(locks.pending?.filter((lock) => lock.name === lockName)).toHaveLength(1);

    await second.store.createCustomer(descriptor, connection.id, {
      name: 'Acme',
      phone: '',
      city: '',
      owner: 'ann',
    });
    await statusOf(first, (status) => status.waiting === 1); // told over the BroadcastChannel
    await settle(clock, first);
    expect(server.records().map((entry) => entry.record.name)).toEqual(['Acme']);
    expect(second.adapter.calls).toBe(0);
    expect(second.runner.status(connection.id)?.pauseReason).toBe('another_window');
    await statusOf(second, (status) => status.waiting === 0); // the holder said it synced
  });

  it('hands over when the holding window closes', async () => {
    const { clock, server, open } = profile();
    const first = open();
    await statusOf(first, holding);
    const second = open();
    await statusOf(second, waitingForLock);
    await first.store.createCustomer(descriptor, connection.id, {
      name: 'Acme',
      phone: '',
      city: '',
      owner: 'ann',
    });
    await first.runner.close();
    await statusOf(second, holding);
    await settle(clock, second);
    expect(server.records().map((entry) => entry.record.name)).toEqual(['Acme']);
  });

  it('steals the lock from a window whose heartbeat went stale; the robbed one stops', async () => {
    const { clock, lockName, open } = profile();
    let frozen = false;
    const beat = localStorageHeartbeat(`${lockName}:heartbeat`);
    const first = open({
      read: () => beat.read(),
      write: (at) => (frozen ? undefined : beat.write(at)),
    });
    await statusOf(first, holding);
    const second = open();
    await statusOf(second, waitingForLock);

    frozen = true;
    clock.advance(20_000); // not stale yet (30 s)
    await second.runner.quiet();
    expect(second.runner.status(connection.id)?.pauseReason).toBe('another_window');
    clock.advance(20_000);
    await statusOf(second, holding);
    await statusOf(first, waitingForLock);
    const locks = await navigator.locks.query();
    expect(locks.held?.filter((lock) => lock.name === lockName)).toHaveLength(1);
  });
});
