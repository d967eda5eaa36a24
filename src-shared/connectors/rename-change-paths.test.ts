// Edits queued while a create was in flight name the new contacts by their localKey; once the
// server answered with recordids, they must name (and carry) the recordid instead.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from './r2/api';
import { applyChanges } from '../sync/apply';
import { r2Shape } from './r2/shape';
import { diff, type Change } from '../sync/diff';
import { r2Edit, r2Record } from '../sync/test-support/r2-arbitraries';
import { propertyParams } from '../sync/test-support/fc-params';
import { deepEqual } from '../sync/values';
import { r2ItemRenames } from './r2/item-renames';
import { renameChangePaths } from './rename-change-paths';

const rename = { from: 'contacts[localKey=local-1]', to: 'contacts[recordid="5000001"]' };

describe('renameChangePaths', () => {
  test('a change inside the item gets the new path', () => {
    const changes: Change[] = [{ path: 'contacts[localKey=local-1].address.city', value: 'Leeds' }];
    expect(renameChangePaths(changes, [rename])).toEqual([
      { path: 'contacts[recordid="5000001"].address.city', value: 'Leeds' },
    ]);
  });

  test('a change of the whole item also carries the new identity (and removal stays removal)', () => {
    const item = { localKey: 'local-1', firstname: 'Jane' };
    expect(renameChangePaths([{ path: rename.from, value: item }], [rename])).toEqual([
      { path: rename.to, value: { firstname: 'Jane', recordid: '5000001' } },
    ]);
    expect(renameChangePaths([{ path: rename.from, value: undefined }], [rename])).toEqual([
      { path: rename.to, value: undefined },
    ]);
  });

  test('a change of the whole list re-keys the item inside its value', () => {
    const contacts = [
      { localKey: 'local-1', firstname: 'Jane' },
      { recordid: '7', lastname: 'Doe' },
    ];
    expect(renameChangePaths([{ path: 'contacts', value: contacts }], [rename])).toEqual([
      {
        path: 'contacts',
        value: [
          { firstname: 'Jane', recordid: '5000001' },
          { recordid: '7', lastname: 'Doe' },
        ],
      },
    ]);
  });

  test('other items and fields are untouched, even ones whose key starts the same', () => {
    const changes: Change[] = [
      { path: 'contacts[localKey=local-10].firstname', value: 'Max' },
      { path: 'companyname', value: 'Acme' },
    ];
    expect(renameChangePaths(changes, [rename])).toEqual(changes);
  });

  test('a rename that does not name an item is ignored rather than guessed at', () => {
    const changes: Change[] = [{ path: 'companyname', value: 'Acme' }];
    expect(renameChangePaths(changes, [{ from: 'companyname', to: 'customerid' }])).toEqual(
      changes,
    );
  });
});

/** `record` with its localKey contacts given recordids, as the server answers a create. */
function asCreated(record: R2CustomerRecord): R2CustomerRecord {
  let next = 5_000_001;
  return {
    ...record,
    contacts: record.contacts?.map(({ localKey, ...contact }) =>
      localKey === undefined ? contact : { ...contact, recordid: String(next++) },
    ),
  };
}

/** The record as the salesperson created it: every contact new, under a localKey. */
const sentRecord = r2Record.map(({ recordid: _id, contacts, ...record }): R2CustomerRecord => ({
  ...record,
  contacts: contacts?.map(({ recordid, ...contact }) => ({
    ...contact,
    localKey: `l-${recordid}`,
  })),
}));

describe('renames after a create, for generated records and edits', () => {
  test('applying the renamed edits to the created record = applying the edits, then the ids', () => {
    const scenario = sentRecord.chain((sent) =>
      fc.record({ sent: fc.constant(sent), edited: r2Edit(sent, 'mine') }),
    );
    fc.assert(
      fc.property(scenario, ({ sent, edited }) => {
        const changes = diff(r2Shape, sent, edited);
        const created = asCreated(sent);
        const renamed = renameChangePaths(changes, r2ItemRenames(sent, created));
        const expected = rekeyLike(applyChanges(sent, changes), sent, created);
        expect(deepEqual(applyChanges(created, renamed), expected)).toBe(true);
      }),
      propertyParams(),
    );
  });
});

/** The contacts that `sent` → `created` gave recordids, given the same recordids in `record`. */
function rekeyLike(
  record: R2CustomerRecord,
  sent: R2CustomerRecord,
  created: R2CustomerRecord,
): R2CustomerRecord {
  const idOf = new Map(
    (sent.contacts ?? []).map((contact, index) => [
      contact.localKey,
      created.contacts?.[index]?.recordid,
    ]),
  );
  if (!record.contacts) return record;
  return {
    ...record,
    contacts: record.contacts.map(({ localKey, ...contact }) => {
      const recordid = idOf.get(localKey);
      return recordid === undefined ? { ...contact, localKey } : { ...contact, recordid };
    }),
  };
}
