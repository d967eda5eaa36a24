// The duplicate index waits for the list's first load, then fills in slices; a check indexes a
// short queue itself so a customer just saved is a candidate at once.
import { describe, expect, it } from 'vitest';
import { noDuplicateFields } from '../../../src-shared/duplicates';
import { DuplicateFeed } from './duplicate-feed';

const named = (name: string) => ({ ...noDuplicateFields, name });

describe('DuplicateFeed', () => {
  it('indexes nothing before start, then everything in slices between turns', async () => {
    let turns = 0;
    const feed = new DuplicateFeed(async () => {
      turns += 1;
      await Promise.resolve();
    });
    for (let n = 0; n < 3_000; n++) feed.upsert(`k${n}`, named(`Firma ${n} Quokka${n}`));
    expect(feed.indexed).toBe(0);
    // Too many waiting for a check to index them itself: it answers from what is there.
    expect(feed.check(named('Quokka7 Firma 7'), {})).toEqual([]);
    feed.start();
    await feed.settled();
    expect(feed.indexed).toBe(3_000);
    expect(turns).toBeGreaterThanOrEqual(6);
    expect(feed.check(named('Quokka7 Firma 7'), {}).map((c) => c.key)).toEqual(['k7']);
  });

  it('a check indexes a short queue first, and forgets rows that left', () => {
    const feed = new DuplicateFeed(() => new Promise(() => {}));
    feed.upsert('a', named('Zentrix Optik'));
    feed.upsert('b', named('Zentrix Optik'));
    feed.retainOnly(new Set(['b']));
    expect(feed.check(named('Zentrix Optik'), {}).map((c) => c.key)).toEqual(['b']);
    expect(feed.waiting).toBe(0);
  });

  it('a removed row is no candidate, whether it still waited or was indexed', async () => {
    const feed = new DuplicateFeed(() => Promise.resolve());
    feed.upsert('indexed', named('Quarzwerk Ilmenau'));
    feed.start();
    await feed.settled();
    feed.upsert('waiting', named('Quarzwerk Ilmenau'));
    feed.upsert('stays', named('Quarzwerk Ilmenau'));
    feed.remove('indexed');
    feed.remove('waiting');
    expect(feed.waiting).toBe(1);
    await feed.settled();
    expect(feed.check(named('Quarzwerk Ilmenau'), {}).map((c) => c.key)).toEqual(['stays']);
  });
});
