import { describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { rowAfterPull } from './pulled-rows';
import { storedRow } from './test-support/row-builders';
import { r2Descriptor } from '../../../src-shared/connectors';

const full: R2CustomerRecord = {
  recordid: 'S-1',
  companyname: 'Acme',
  phonenumber: '1',
  udfs: [{ caption: 'Region', value: 'North' }],
};
const summary = r2Descriptor.summaryOf(full);
const pull = (record: R2CustomerRecord, hydration: 'summary' | 'full' = 'full') =>
  ({ serverId: 'S-1', record, hydration }) as const;
const after = (
  existing: ReturnType<typeof storedRow<R2CustomerRecord>> | undefined,
  pulled: ReturnType<typeof pull>,
) => rowAfterPull(r2Descriptor, 'c1', existing, pulled, 99);

describe('a pulled record and the local row', () => {
  test('a new server record becomes a synced row', () => {
    expect(after(undefined, pull(summary, 'summary'))).toMatchObject({
      key: 'S-1',
      serverId: 'S-1',
      record: summary,
      base: summary,
      hydration: 'summary',
      syncState: 'synced',
      opened: false,
      hydrateRank: 1,
    });
  });

  test('the same version again writes nothing', () => {
    expect(after(storedRow(full), pull(full))).toBeNull();
    expect(
      after(storedRow(summary, { hydration: 'summary' }), pull(summary, 'summary')),
    ).toBeNull();
  });

  test('without waiting changes, a newer version replaces record and base', () => {
    const newer = { ...full, phonenumber: '2' };
    expect(after(storedRow(full, { opened: true }), pull(newer))).toMatchObject({
      record: newer,
      base: newer,
      hydration: 'full',
      opened: true,
      updatedAt: 99,
    });
  });

  test('a summary never downgrades a complete copy the server has not changed', () => {
    expect(after(storedRow(full), pull(summary, 'summary'))).toBeNull();
  });

  test('a summary that differs makes the row a summary again, to be fetched in full', () => {
    const renamed = { ...summary, companyname: 'Acme Group' };
    expect(after(storedRow(full, { opened: true }), pull(renamed, 'summary'))).toMatchObject({
      record: renamed,
      base: renamed,
      hydration: 'summary',
      hydrateRank: 0,
    });
  });

  test('with waiting changes only the remote is kept, never the record or base', () => {
    const local = { ...full, phonenumber: 'mine' };
    const waiting = storedRow(local, { base: full, syncState: 'waiting' });
    const newer = { ...full, web: 'acme.example' };
    expect(after(waiting, pull(newer))).toMatchObject({
      record: local,
      base: full,
      remote: newer,
      remoteHydration: 'full',
    });
    expect(after(waiting, pull(full))).toBeNull();
    expect(after(waiting, pull(summary, 'summary'))).toBeNull();
    expect(after({ ...waiting, remote: newer, remoteHydration: 'full' }, pull(newer))).toBeNull();
  });

  test('a summary row with waiting changes and a complete remote is not fetched again', () => {
    const waiting = storedRow(summary, { hydration: 'summary', syncState: 'waiting' });
    const fetched = after(waiting, pull({ ...full, phonenumber: '7' }));
    expect(fetched).toMatchObject({ record: summary, remoteHydration: 'full' });
    expect(fetched!.hydrateRank).toBeUndefined();
  });
});
