// The feed against an index built once: rows upserted again while they wait, rows that leave
// while they wait, checks that drain a short queue, and the start coming anywhere in between —
// once settled, every check answers as an index built from the rows that remain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuplicateIndex, type DuplicateFields } from '../../../src-shared/duplicates';
import { propertyParams } from '../../../src-shared/sync/test-support/fc-params';
import { DuplicateFeed } from './duplicate-feed';

const word = fc.constantFrom('Acme', 'Acne', 'Zentrix', 'Optik', 'Müller', 'Łódź', ' Bau ');
const row: fc.Arbitrary<DuplicateFields> = fc.record({
  name: fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
  customerNumber: fc.constantFrom('', 'C1', 'C2'),
  phones: fc.array(fc.constantFrom('0171 2345678', '030 1234567', '12'), { maxLength: 2 }),
  emails: fc.array(fc.constantFrom('a@acme.com', 'b@acme.com', 'x@gmail.com'), { maxLength: 2 }),
  websites: fc.array(fc.constantFrom('www.acme.com', 'zentrix.de'), { maxLength: 1 }),
  addressLine: fc.constantFrom('', 'Hauptstraße 5', 'ul. Łąkowa 3'),
  city: fc.constantFrom('', 'Berlin', 'Łódź'),
});
const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const step = fc.oneof(
  fc.record({ op: fc.constant('upsert' as const), key, row }),
  fc.record({ op: fc.constant('retain' as const), keys: fc.uniqueArray(key) }),
  fc.record({ op: fc.constant('check' as const), row }),
  fc.record({ op: fc.constant('start' as const) }),
);

describe('DuplicateFeed', () => {
  it('once settled, answers like an index built once from the remaining rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), row, async (steps, probe) => {
        // A feed whose waiting count went wrong would never settle: fail instead of hanging.
        let turns = 0;
        const feed = new DuplicateFeed(async () => {
          turns += 1;
          if (turns > 1_000) throw new Error('the feed never settles');
          await Promise.resolve();
        });
        const model = new Map<string, DuplicateFields>();
        for (const change of steps) {
          if (change.op === 'upsert') {
            feed.upsert(change.key, change.row);
            model.set(change.key, change.row);
          } else if (change.op === 'retain') {
            const keep = new Set<string>(change.keys);
            feed.retainOnly(keep);
            for (const known of [...model.keys()]) if (!keep.has(known)) model.delete(known);
          } else if (change.op === 'check') {
            feed.check(change.row, {});
          } else {
            feed.start();
          }
        }
        feed.start();
        await feed.settled();
        const fresh = new DuplicateIndex();
        for (const [known, fields] of model) fresh.upsert(known, fields);
        expect([feed.indexed, feed.waiting]).toEqual([model.size, 0]);
        for (const typing of [false, true]) {
          const options = { typing, limit: 100 };
          const byKey = (from: { check: DuplicateIndex['check'] }) =>
            from.check(probe, options).sort((x, y) => x.key.localeCompare(y.key));
          expect(byKey(feed)).toEqual(byKey(fresh));
        }
      }),
      propertyParams(200),
    );
  });
});
