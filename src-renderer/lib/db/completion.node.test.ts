import { describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { completeCreateRows, completeUpdateRows } from './completion';
import { createEntry, storedRow, updateEntry } from './test-support/row-builders';
import { r2Descriptor } from '../../../src-shared/connectors';

const sent: R2CustomerRecord = {
  companyname: 'Fresh Ltd',
  contacts: [{ localKey: 'local-1', firstname: 'Nia' }],
};
const created: R2CustomerRecord = {
  recordid: 'R-9',
  companyname: 'Fresh Ltd',
  contacts: [{ recordid: 'C-90', firstname: 'Nia' }],
  createddate: '2024-06-01T10:00',
};

describe('a create the server took', () => {
  const create = createEntry(sent, { seq: 1, recordKey: 'local-a' });
  const later = updateEntry(
    sent,
    [{ path: 'contacts[localKey=local-1].emailaddr', value: 'nia@x' }],
    {
      seq: 2,
      recordKey: 'local-a',
    },
  );
  const localRow = storedRow(sent, {
    key: 'local-a',
    serverId: null,
    base: null,
    syncState: 'waiting',
    opened: true,
  });

  test('adopted after a lost answer: later entries start from what was sent, in the server ids', () => {
    // The record as found may already carry a colleague's edit (the contact's first name).
    const found: R2CustomerRecord = {
      ...created,
      contacts: [{ recordid: 'C-90', firstname: 'Nina' }],
    };
    const done = completeCreateRows({
      descriptor: r2Descriptor,
      entry: create,
      row: localRow,
      existing: undefined,
      later: [later],
      serverId: 'R-9',
      serverRecord: found,
      adopted: true,
      now: 10,
    });
    expect(done.entries[0]).toMatchObject({
      recordKey: 'R-9',
      base: { companyname: 'Fresh Ltd', contacts: [{ recordid: 'C-90', firstname: 'Nia' }] },
      changed: [{ path: 'contacts[recordid=C-90].emailaddr', value: 'nia@x' }],
    });
    expect(done.row).toMatchObject({ key: 'R-9', base: found });
  });

  test('moves the row and later entries to the server id, renamed and re-based', () => {
    const done = completeCreateRows({
      descriptor: r2Descriptor,
      entry: create,
      row: localRow,
      existing: undefined,
      later: [later],
      serverId: 'R-9',
      serverRecord: created,
      now: 10,
    });
    expect(done.entries).toEqual([
      {
        ...later,
        recordKey: 'R-9',
        base: created,
        changed: [{ path: 'contacts[recordid=C-90].emailaddr', value: 'nia@x' }],
      },
    ]);
    expect(done.row).toMatchObject({
      key: 'R-9',
      serverId: 'R-9',
      base: created,
      remote: null,
      hydration: 'full',
      syncState: 'waiting',
      opened: true,
      updatedAt: 10,
      record: {
        ...created,
        contacts: [{ recordid: 'C-90', firstname: 'Nia', emailaddr: 'nia@x' }],
      },
    });
  });

  test('with nothing queued behind it the row is synced, and a pulled copy is replaced', () => {
    const pulledCopy = storedRow(created, { key: 'R-9', serverId: 'R-9', hydration: 'summary' });
    const done = completeCreateRows({
      descriptor: r2Descriptor,
      entry: create,
      row: localRow,
      existing: pulledCopy,
      later: [],
      serverId: 'R-9',
      serverRecord: created,
      now: 10,
    });
    expect(done.entries).toEqual([]);
    expect(done.row).toMatchObject({
      key: 'R-9',
      record: created,
      syncState: 'synced',
      hydration: 'full',
    });
    expect(done.row.hydrateRank).toBeUndefined();
  });
});

describe('an update the server took', () => {
  const server: R2CustomerRecord = { recordid: 'R-1', companyname: 'Acme', phonenumber: '1' };
  const answered: R2CustomerRecord = {
    ...server,
    phonenumber: '2',
    updateddate: '2024-06-01T10:00',
  };

  test('the answer is the new snapshot; later entries start from it and still apply', () => {
    const sentUpdate = updateEntry(server, [{ path: 'phonenumber', value: '2' }], {
      seq: 1,
      recordKey: 'R-1',
    });
    const next = updateEntry(
      { ...server, phonenumber: '2' },
      [{ path: 'web', value: 'acme.example' }],
      {
        seq: 2,
        recordKey: 'R-1',
      },
    );
    const done = completeUpdateRows({
      entry: sentUpdate,
      row: storedRow(
        { ...server, phonenumber: '2', web: 'acme.example' },
        { key: 'R-1', serverId: 'R-1' },
      ),
      later: [next],
      serverRecord: answered,
      now: 10,
    });
    expect(done.entries).toEqual([{ ...next, base: answered }]);
    expect(done.row).toMatchObject({
      base: answered,
      record: { ...answered, web: 'acme.example' },
      syncState: 'waiting',
    });
  });

  test('with nothing behind it the record is exactly the server’s and synced', () => {
    const sentUpdate = updateEntry(server, [{ path: 'phonenumber', value: '2' }], {
      seq: 1,
      recordKey: 'R-1',
    });
    const done = completeUpdateRows({
      entry: sentUpdate,
      row: storedRow(server, {
        key: 'R-1',
        serverId: 'R-1',
        remote: server,
        remoteHydration: 'full',
        fieldErrors: { phonenumber: ['old'] },
      }),
      later: [],
      serverRecord: answered,
      now: 10,
    });
    expect(done.row).toMatchObject({
      record: answered,
      base: answered,
      remote: null,
      syncState: 'synced',
      fieldErrors: null,
    });
  });
});
