// LiveValue over the real store in Chromium's IndexedDB: a reader sees every write without being
// told, the query runs only while something reads it, and a failed read is shown, not swallowed.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import { descriptorFor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import { revnueCase } from '../db/test-support/store-cases';
import type { LiveObserver, LiveRead } from '../db/live-read';
import { scratchStore } from '../test-support/world-parts';
import { LiveValue } from './live-value.svelte';

const connectionId = 'conn-live';
const descriptor = descriptorFor('revnue-v2') as ConnectorDescriptor<unknown>;

/** Reads `read` in an effect, as a template would; returns what it saw and how to stop. */
function reader<T>(live: LiveValue<T>) {
  const seen: T[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      seen.push(live.current);
    });
  });
  flushSync();
  return { seen, stop };
}

/** A read the test answers by hand, counting who listens. */
function handRead<T>() {
  const observers = new Set<LiveObserver<T>>();
  const read: LiveRead<T> = {
    subscribe(observer) {
      observers.add(observer);
      return { unsubscribe: () => void observers.delete(observer) };
    },
  };
  return { read, observers };
}

describe('LiveValue', () => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await drop?.();
    drop = undefined;
  });

  test('a reader sees a row written straight to the store, with nothing else telling it', async () => {
    const scratch = scratchStore('live-value');
    drop = scratch.drop;
    const { store } = scratch;
    await store.applyPulled(descriptor, connectionId, [
      { serverId: '1', record: revnueCase.serverRecord('1', 'Before'), hydration: 'full' },
    ]);
    const live = new LiveValue(store.liveCustomer(connectionId, '1'), undefined);
    const { seen, stop } = reader(live);
    await expect.poll(() => seen.at(-1)?.record).toMatchObject({ name: 'Before' });

    // A push outcome as the engine writes it: the server's answer completes the update.
    const row = (await store.getCustomer(connectionId, '1'))!;
    await store.saveCustomer(descriptor, connectionId, '1', {
      ...(row.record as object),
      phone: '1',
    });
    const [entry] = await store.listOutbox(connectionId);
    await store.markInFlight(entry!.seq!, Date.now());
    await store.completeUpdate(descriptor, entry!.seq!, revnueCase.serverRecord('1', 'After'));
    await expect.poll(() => seen.at(-1)?.record).toMatchObject({ name: 'After' });
    await expect.poll(() => seen.at(-1)?.syncState).toBe('synced');
    stop();
  });

  test('subscribes on the first reader and unsubscribes when the last one goes', () => {
    const { read, observers } = handRead<number>();
    const live = new LiveValue(read, 0);
    expect(live.current).toBe(0);
    expect(observers.size).toBe(0);
    const first = reader(live);
    const second = reader(live);
    expect(observers.size).toBe(1);
    for (const observer of observers) observer.next(7);
    flushSync();
    expect(first.seen).toEqual([0, 7]);
    expect(second.seen).toEqual([0, 7]);
    first.stop();
    flushSync();
    expect(observers.size).toBe(1);
    second.stop();
    flushSync();
    expect(observers.size).toBe(0);
  });

  test('a failed read is surfaced through `error`, and the last good value stays', () => {
    const { read, observers } = handRead<string>();
    const live = new LiveValue(read, 'first');
    const errors: unknown[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        errors.push(live.error);
      });
    });
    flushSync();
    const failure = new Error('The database was closed.');
    for (const observer of observers) observer.error(failure);
    flushSync();
    expect(errors).toEqual([null, failure]);
    expect(live.current).toBe('first');
    stop();
  });
});
