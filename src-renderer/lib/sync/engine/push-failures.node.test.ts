// Failures (docs/architecture.md#the-life-of-an-edit, step 7): each failure is handled by its kind
// — retried forever and visibly, Retry-After honoured without a storm, a refusal held on its own
// record, an expired sign-in pausing the queue (kept whole) until the user signs in again.
import { afterEach, describe, expect, it } from 'vitest';
import { EngineWorld, type EngineWorldOptions } from '../test-support/engine-world';
import type { Card } from '../test-support/fake-server-descriptor';

let world: EngineWorld;
afterEach(async () => world?.close());

async function started(options: EngineWorldOptions = {}) {
  world = new EngineWorld(options).start();
  await world.quiet();
  return world;
}

const namesOnServer = () =>
  world.server
    .records()
    .map((entry) => entry.record.name)
    .sort();

describe('a server that keeps failing', () => {
  it('is retried with growing backoff, forever and visibly, until the change gets through', async () => {
    await started();
    world.server.fault({ op: 'create', kind: 'server', times: 25 });
    const key = await world.create({ name: 'Acme' });
    world.clock.advance(world.timing.saveDebounceMs);
    await world.quiet();

    const seen: { attempts: number; waitMs: number }[] = [];
    for (let round = 0; round < 25 && world.server.records().length === 0; round += 1) {
      const status = world.status();
      const [entry] = await world.store.listOutbox(world.connectionId);
      expect(status.phase).toBe('waiting');
      expect(status.waiting).toBe(1);
      expect(status.lastError).toMatch(/server had a problem/);
      expect(entry?.lastError?.kind).toBe('server');
      expect(entry?.nextAttemptAt).toBe(status.nextAttemptAt);
      seen.push({ attempts: entry!.attempts, waitMs: status.nextAttemptAt! - world.clock.now() });
      world.clock.advance(status.nextAttemptAt! - world.clock.now());
      await world.quiet();
    }
    await world.settle();

    expect(namesOnServer()).toEqual(['Acme']);
    expect(world.server.created).toHaveLength(1);
    expect(seen.length).toBeGreaterThanOrEqual(20);
    // Attempts count up; the wait grows (random fixed at ½) up to the cap (8 s in the test timing).
    expect(seen.slice(0, 5).map((step) => step.attempts)).toEqual([1, 2, 3, 4, 5]);
    expect(seen.slice(0, 5).map((step) => step.waitMs)).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(await world.row(key)).toBeUndefined();
  });
});

describe('a 429', () => {
  it('stops every request until Retry-After, then sends the backlog without another 429', async () => {
    await started({ parallelPushes: 3 });
    const retryAfterMs = 30_000;
    world.server.fault({ op: 'create', kind: 'rate_limited', retryAfterMs, times: 1 });
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) await world.create({ name });
    world.clock.advance(world.timing.saveDebounceMs);
    await world.quiet();
    const limitedAt = world.server.requests().find((entry) => entry.answer === 'rate_limited')!.at;

    const status = world.status();
    expect(status.phase).toBe('waiting');
    expect(status.nextAttemptAt).toBe(limitedAt + retryAfterMs);
    expect(status.waitReason).toMatch(/slow down/);
    // A save and "Sync now" during the wait send nothing either.
    await world.create({ name: 'G' });
    world.clock.advance(world.timing.saveDebounceMs);
    world.runner.syncNow();
    await world.quiet();
    world.clock.advance(retryAfterMs - 2 * world.timing.saveDebounceMs);
    await world.quiet();
    const early = world.server.requests().filter((entry) => entry.at > limitedAt);
    expect(early.filter((entry) => entry.at < limitedAt + retryAfterMs)).toEqual([]);

    await world.settle();
    expect(namesOnServer()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(world.server.requests().filter((entry) => entry.answer === 'rate_limited')).toHaveLength(
      1,
    );
  });

  it('caps an absurd Retry-After at maxRetryAfterMs', async () => {
    await started();
    world.server.fault({ op: 'create', kind: 'rate_limited', retryAfterMs: 3_600_000, times: 1 });
    await world.create({ name: 'A' });
    world.clock.advance(world.timing.saveDebounceMs);
    await world.quiet();
    expect(world.status().nextAttemptAt! - world.clock.now()).toBe(world.timing.maxRetryAfterMs);
  });
});

describe('a change the server always refuses', () => {
  const poison = (card: Card | undefined) => card?.name === 'Poison';

  it('is rejected with the server’s field messages and blocks only its own record', async () => {
    await started();
    world.server.fault({ op: 'create', kind: 'validation', matches: poison });
    const bad = await world.create({ name: 'Poison' });
    for (const name of ['A', 'B', 'C']) await world.create({ name });
    await world.settle();

    expect(namesOnServer()).toEqual(['A', 'B', 'C']);
    const row = await world.row(bad);
    expect(row?.syncState).toBe('rejected');
    expect(row?.fieldErrors).toEqual({ phone: ['Enter a valid phone number'] });
    expect(world.status()).toMatchObject({ phase: 'idle', waiting: 1 });
    // Rejected means no retry storm: it was sent once.
    expect(
      world.server.requests('create').filter((entry) => entry.answer === 'validation'),
    ).toHaveLength(1);
  });

  it('that the server fails on with 5xx keeps backing off while the others go through', async () => {
    await started();
    world.server.fault({ op: 'create', kind: 'server', matches: poison });
    await world.create({ name: 'Poison' });
    for (const name of ['A', 'B', 'C', 'D']) await world.create({ name });
    world.clock.advance(world.timing.saveDebounceMs);
    await world.quiet();
    expect(namesOnServer()).toEqual(['A', 'B', 'C', 'D']);
    expect(world.status()).toMatchObject({ phase: 'waiting', waiting: 1 });
  });

  it('is re-queued by the salesperson’s fix and then accepted', async () => {
    await started();
    const stop = world.server.fault({ op: 'create', kind: 'validation', matches: poison });
    const bad = await world.create({ name: 'Poison' });
    await world.settle();
    stop();
    await world.edit(bad, { phone: '0113' });
    await world.settle();
    expect(namesOnServer()).toEqual(['Poison']);
    expect(world.server.records()[0]?.record.phone).toBe('0113');
  });
});

describe('a server that fails every request', () => {
  it('is not sent the whole backlog: the push stops after a few failures in a row', async () => {
    await started({ parallelPushes: 1 });
    world.server.fault({ kind: 'server' });
    for (let index = 0; index < 20; index += 1) await world.create({ name: `C${index}` });
    world.clock.advance(world.timing.saveDebounceMs);
    await world.quiet();
    expect(world.server.requests('create')).toHaveLength(3);
    expect(world.status().phase).toBe('waiting');
    expect(world.status().waiting).toBe(20);
  });
});

describe('an expired sign-in', () => {
  it('pauses sync with the queue intact and resumes on auth.changed → signed_in', async () => {
    await started();
    const tokenExpired = world.server.fault({ kind: 'auth' });
    for (const name of ['A', 'B']) await world.create({ name });
    world.clock.advance(world.timing.saveDebounceMs);
    await world.quiet();

    expect(world.status()).toMatchObject({
      phase: 'paused',
      pauseReason: 'signed_out',
      waiting: 2,
    });
    const entries = await world.store.listOutbox(world.connectionId);
    expect(entries.map((entry) => [entry.state, entry.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
    // Time passes, saves happen: nothing is sent while signed out.
    const before = world.server.log.length;
    await world.create({ name: 'C' });
    world.clock.advance(world.timing.idleIntervalMs * 10);
    await world.quiet();
    expect(world.server.log.length).toBe(before);
    expect(world.status().waiting).toBe(3);

    tokenExpired(); // the salesperson signed in again
    world.setAuth('signed_in');
    await world.settle();
    expect(namesOnServer()).toEqual(['A', 'B', 'C']);
    expect(world.status()).toMatchObject({ phase: 'idle', waiting: 0 });
  });

  it('starts paused for a connection that is signed out', async () => {
    await started({ signedIn: false });
    await world.create({ name: 'A' });
    world.clock.advance(world.timing.idleIntervalMs);
    await world.quiet();
    expect(world.server.log).toEqual([]);
    expect(world.status()).toMatchObject({
      phase: 'paused',
      pauseReason: 'signed_out',
      waiting: 1,
    });
    world.setAuth('signed_in');
    await world.settle();
    expect(namesOnServer()).toEqual(['A']);
  });
});

describe('offline', () => {
  it('pauses without sending anything and syncs when the connection comes back', async () => {
    await started({ online: false });
    await world.create({ name: 'A' });
    world.clock.advance(world.timing.idleIntervalMs);
    await world.quiet();
    expect(world.status()).toMatchObject({ phase: 'paused', pauseReason: 'offline', waiting: 1 });
    world.setOnline(true);
    await world.settle();
    expect(namesOnServer()).toEqual(['A']);
  });
});
