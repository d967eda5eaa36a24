// Background work in the search worker takes its turns only once the list has been quiet for the
// quiet time: a burst of keystrokes never waits behind a slice of it.
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import { QuietTurns, type TurnClock } from './quiet-turns';
import { SearchService } from './search-service';
import { corpusLookups, corpusPulled } from './test-support/customer-corpus';
import { allByName, factory } from './test-support/service-world';

/** A clock that only moves when told to; sleeping yields one real turn and moves it by `ms`. */
function manualClock(): TurnClock & { at: number; slept: number[] } {
  const clock = {
    at: 0,
    slept: [] as number[],
    now: () => clock.at,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      await new Promise((go) => setTimeout(go, 0));
      clock.at += ms;
    },
  };
  return clock;
}

const realTurns = (count: number) =>
  (async () => {
    for (let i = 0; i < count; i += 1) await new Promise((go) => setTimeout(go, 0));
  })();

describe('QuietTurns', () => {
  it('gives the next turn at once when the list asked nothing', async () => {
    const clock = manualClock();
    await new QuietTurns(clock, 300).next();
    expect(clock.slept).toEqual([0]);
  });

  it('holds a turn until the quiet time has passed since the last ask', async () => {
    const clock = manualClock();
    const turns = new QuietTurns(clock, 300);
    clock.at = 1_000;
    turns.asked();
    clock.at = 1_100;
    await turns.next();
    expect(clock.at).toBeGreaterThanOrEqual(1_300);
    expect(clock.slept).toEqual([0, 200]);
  });
});

describe('SearchService with QuietTurns', () => {
  let store: CustomerStore | undefined;
  afterEach(() => store?.close());

  it('fills the duplicate index only while nothing is typed or scrolled', async () => {
    store = openCustomerStore(`quiet-${Math.random()}`, {
      indexedDb: { indexedDB: factory, IDBKeyRange },
    });
    await store.putLookups('c', corpusLookups, 1);
    await store.applyPulled(revnueDescriptor, 'c', corpusPulled(0, 3_000));
    // Time stands still unless the test moves it: typing never stops until it does.
    let now = 0;
    const clock: TurnClock = {
      now: () => now,
      sleep: () => new Promise((go) => setTimeout(go, 0)),
    };
    const service = new SearchService(
      store,
      'c',
      revnueDescriptor as ConnectorDescriptor<unknown>,
      () => {},
      undefined,
      new QuietTurns(clock, 300),
    );
    service.query(1, allByName);
    await service.load();
    await realTurns(30);
    expect(service.duplicateFeed.indexed).toBe(0);
    now = 299;
    service.rows(1, [0, 1]);
    now = 598;
    await realTurns(30);
    expect(service.duplicateFeed.indexed).toBe(0);
    now = 600;
    await service.duplicateFeed.settled();
    expect(service.duplicateFeed.indexed).toBe(3_000);
  });
});
