// Folding R2 list pages into whole customers, for the cases a live sandbox rarely shows: a row
// shift while the pull runs, a page fetched twice with the same cursor, and the delta's start.
import { describe, expect, test } from 'vitest';
import type { R2ListRow } from '../../../../../src-shared/connectors/r2/api';
import { foldR2Page, startR2Pull, type R2PullCursor } from './pull';

const row = (recordid: string, contactrecordid: string | null): R2ListRow =>
  ({ recordid, companyname: `Company ${recordid}`, contactrecordid }) as R2ListRow;

const contactsOf = (page: ReturnType<typeof foldR2Page>) =>
  page.records.map((p) => [p.serverId, (p.record.contacts ?? []).map((c) => c.recordid)]);

describe('foldR2Page', () => {
  test('a customer spanning three pages comes out once, whole, on the page where it ends', () => {
    const rows = [
      row('1', 'a'),
      row('2', 'b'),
      row('2', 'c'),
      row('2', 'd'),
      row('2', 'e'),
      row('3', null),
    ];
    let cursor: R2PullCursor = startR2Pull(null, 0);
    const out: unknown[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const folded = foldR2Page(
        cursor,
        { rows: rows.slice((page - 1) * 2, page * 2), total: 6 },
        2,
      );
      out.push(...contactsOf(folded));
      if (folded.next) cursor = folded.next as R2PullCursor;
    }
    expect(out).toEqual([
      ['1', ['a']],
      ['2', ['b', 'c', 'd', 'e']],
      ['3', []],
    ]);
  });

  test('a customer pushed onto the next page by a row added meanwhile is not given out again', () => {
    const first = foldR2Page(
      startR2Pull(null, 0),
      { rows: [row('1', 'a'), row('2', 'b')], total: 6 },
      2,
    );
    expect(contactsOf(first)).toEqual([['1', ['a']]]);
    // Customer 1 gained a contact: its second row moved customer 1's tail onto page 2.
    const second = foldR2Page(
      first.next as R2PullCursor,
      { rows: [row('1', 'z'), row('2', 'c')], total: 7 },
      2,
    );
    expect(contactsOf(second)).toEqual([]);
    const third = foldR2Page(second.next as R2PullCursor, { rows: [row('3', 'd')], total: 7 }, 2);
    expect(contactsOf(third)).toEqual([
      ['2', ['b', 'c']],
      ['3', ['d']],
    ]);
  });

  test('the same page fetched again with the same cursor gives the same records', () => {
    const start = startR2Pull(null, 0);
    const rows = [row('1', 'a'), row('2', 'b')];
    const once = foldR2Page(start, { rows, total: 4 }, 2);
    const twice = foldR2Page(start, { rows, total: 4 }, 2);
    expect(contactsOf(twice)).toEqual(contactsOf(once));
  });

  test('full listing without checkpoint; a delta starts a minute before it; the checkpoint is the start', () => {
    expect(startR2Pull(null, 0).updatedSince).toBeNull();
    expect(startR2Pull('not a time', 0).updatedSince).toBeNull();
    const delta = startR2Pull('2026-03-01T10:00:30.000Z', Date.parse('2026-03-02T08:00:00Z'));
    expect(delta.updatedSince).toBe('2026-03-01T09:59:30.000Z');
    const last = foldR2Page(delta, { rows: [], total: 0 }, 500);
    expect(last).toMatchObject({
      next: null,
      checkpoint: '2026-03-02T08:00:00.000Z',
      complete: false,
    });
  });
});
