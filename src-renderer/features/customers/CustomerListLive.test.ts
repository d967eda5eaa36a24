// The list follows the store by itself: a push's outcome, a pull and a conflict written straight
// to the store change their rows, and the engine says nothing (its status never moves here).
import { afterEach, describe, expect, test } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { corpusRecord } from '../../lib/search/test-support/customer-corpus';
import { connection, renderCustomers } from './test-support/customers-world';

type Record = ReturnType<typeof corpusRecord>;
let world: Awaited<ReturnType<typeof renderCustomers>> | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const grid = () => document.querySelector<HTMLElement>('[role="grid"][aria-label="Customers"]')!;
const rowCount = () => Number(grid().getAttribute('aria-rowcount')) - 1;
/** The text of the rendered row whose name cell is `name` ('' when none is). */
const rowText = (name: string) =>
  [...grid().querySelectorAll<HTMLElement>('[role="row"]')].find(
    (row) => row.querySelectorAll('[role="gridcell"]')[1]?.textContent === name,
  )?.textContent ?? '';

/** Saves a new name for customer `key`, and returns its queued entry's seq (marked in flight). */
async function saveInFlight(key: string, name: string): Promise<number> {
  const { store } = world!;
  const row = (await store.getCustomer<Record>(connection.id, key))!;
  await store.saveCustomer(revnueDescriptor, connection.id, key, { ...row.record, name });
  const [entry] = await store.listOutbox(connection.id);
  await store.markInFlight(entry!.seq!, Date.now());
  return entry!.seq!;
}

describe('the customer list follows the store', () => {
  test('a push’s outcomes reach their row: refused, then synced', async () => {
    world = await renderCustomers({ customers: 30 });
    await expect.poll(rowCount).toBe(30);
    const seq = await saveInFlight('5', 'Aaron Abbau GmbH');
    await expect.poll(() => rowText('Aaron Abbau GmbH')).toContain('Waiting to sync');
    await world.store.rejectEntry(seq, { kind: 'validation', message: 'Refused.' });
    await expect.poll(() => rowText('Aaron Abbau GmbH')).toContain('Rejected');

    const again = await world.store.getCustomer<Record>(connection.id, '5');
    await world.store.saveCustomer(revnueDescriptor, connection.id, '5', again!.record);
    const [entry] = await world.store.listOutbox(connection.id);
    await world.store.markInFlight(entry!.seq!, Date.now());
    await world.store.completeUpdate(revnueDescriptor, entry!.seq!, {
      ...again!.record,
      name: 'Aaron Abbau AG',
    });
    await expect.poll(() => rowText('Aaron Abbau AG')).toContain('Synced');
  });

  test('a conflict and a pulled rename reach their rows', async () => {
    world = await renderCustomers({ customers: 30 });
    await expect.poll(rowCount).toBe(30);
    const seq = await saveInFlight('7', 'Aaron Conflict GmbH');
    const theirs = (await world.store.getCustomer<Record>(connection.id, '7'))!.base as Record;
    await world.store.conflictEntry(seq, {
      kind: 'fields',
      conflicts: [{ path: 'name', base: theirs.name, mine: 'Aaron Conflict GmbH', theirs: 'X' }],
      theirs: { ...theirs, name: 'X' },
    });
    await expect.poll(() => rowText('Aaron Conflict GmbH')).toContain('Conflict');

    const pulled = (await world.store.getCustomer<Record>(connection.id, '9'))!.record;
    await world.store.applyPulled(revnueDescriptor, connection.id, [
      { serverId: '9', hydration: 'full', record: { ...pulled, name: 'Aaron Pulled KG' } },
    ]);
    await expect.poll(() => rowText('Aaron Pulled KG')).toContain('Synced');
  });
});
