// The Revnue v2 sync adapter against the real sandbox over HTTP, through main's real services and
// IPC router (the adapter world): lookups, the complete list, get, create, PUT, validation before
// sending, and finding a create whose answer was lost by its unique name.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { RevnueCustomerRecord } from '../../../../../src-shared/connectors/revnue-v2/api';
import { revnueDescriptor } from '../../../../../src-shared/connectors/revnue-v2/descriptor';
import type { ConnectorLookups } from '../../../../../src-shared/connectors/descriptor';
import { merge } from '../../../../../src-shared/sync/merge';
import { r2Descriptor } from '../../../../../src-shared/connectors/r2/descriptor';
import { createAdapterWorld, type AdapterWorld } from '../../test-support/adapter-world.node';
import { createRevnueAdapter, createSyncAdapter } from '../index';

let world: AdapterWorld;
let lookups: ConnectorLookups;
beforeAll(async () => {
  world = await createAdapterWorld();
  const fetched = await world.revnue.fetchLookups();
  if (!fetched.ok) throw new Error(fetched.error.message);
  lookups = fetched.value;
  world.revnue.useLookups(lookups);
});
afterAll(async () => {
  await world.close();
});
beforeEach(() => world.services.sandbox.setFaults([]));

const requests = (endpoint: string) => world.services.sandbox.state().requests[endpoint] ?? 0;
const newCustomer = (name: string, patch: Partial<RevnueCustomerRecord> = {}) => ({
  ...revnueDescriptor.emptyRecord(world.revnueConnection),
  name,
  ...patch,
});

describe('lookups and pull', () => {
  test('the four lookup lists the editor needs offline', () => {
    expect(Object.keys(lookups).sort()).toEqual([
      'categories',
      'companies',
      'countries',
      'templates',
    ]);
    for (const list of Object.values(lookups))
      expect((list as unknown[]).length).toBeGreaterThan(0);
  });

  test('one page, complete, every customer in full and valid against the account’s templates', async () => {
    const page = await world.revnue.pullPage(null, null, Date.now());
    if (!page.ok) throw new Error(page.error.message);
    const listed = await world.api.revnue.customers.list({
      connectionId: world.revnueConnection.id,
    });
    expect(listed.ok && page.value.records.map((p) => p.serverId)).toEqual(
      listed.ok && listed.value.map((customer) => String(customer.id)),
    );
    expect(page.value).toMatchObject({ next: null, checkpoint: null, complete: true });
    expect(page.value.done).toBe(page.value.total);
    for (const pulled of page.value.records) {
      expect(pulled.hydration).toBe('full');
      expect(revnueDescriptor.validate(pulled.record, lookups)).toMatchObject({ ok: true });
    }
    const got = await world.revnue.get(page.value.records[0]!.serverId);
    expect(got.ok && got.value).toEqual(page.value.records[0]?.record);
  });

  test('without the country list the server’s country names cannot be read: bad_response in words', async () => {
    const fresh = createRevnueAdapter(world.api, world.revnueConnection);
    const page = await fresh.pullPage(null, null, Date.now());
    expect(page.ok ? null : page.error).toMatchObject({
      kind: 'bad_response',
      message: expect.stringMatching(/country .*Refresh the lists/),
    });
  });
});

describe('create and push', () => {
  test('create sends the body and answers the server id and record', async () => {
    const record = newCustomer('Adapter Revnue GmbH', {
      city: 'Berlin',
      country: 276,
      template: { id: 1, fields: [{ id: 1, value: '1200' }] },
    });
    const created = await world.revnue.create(record);
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.serverId).toBe(String(created.value.record.id));
    expect(created.value.record).toMatchObject({ name: 'Adapter Revnue GmbH', country: 276 });
    // Typed by its template: money 1200 reads back as "1200.00", so it is no change.
    expect(created.value.record.template?.fields).toEqual([{ id: 1, value: '1200.00' }]);
    const got = await world.revnue.get(created.value.serverId);
    expect(got.ok && got.value).toEqual(created.value.record);
  });

  test('push is a PUT of the merged record, keeping a colleague’s change', async () => {
    const created = await world.revnue.create(newCustomer('Put Me Ltd', { city: 'Hamburg' }));
    if (!created.ok) throw new Error(created.error.message);
    const { serverId, record: base } = created.value;
    const theirs = await world.revnue.push(
      serverId,
      merge(revnueDescriptor.shape, base, { ...base, phone: '+49 40 111' }, base),
      base,
    );
    if (!theirs.ok) throw new Error(theirs.error.message);

    const puts = requests('PUT /api/v2/customer/{id}/');
    const mine = { ...base, city: 'Bremen' };
    const pushed = await world.revnue.push(
      serverId,
      merge(revnueDescriptor.shape, base, mine, theirs.value),
      theirs.value,
    );
    if (!pushed.ok) throw new Error(pushed.error.message);
    expect(pushed.value).toMatchObject({ city: 'Bremen', phone: '+49 40 111' });
    expect(requests('PUT /api/v2/customer/{id}/')).toBe(puts + 1);
  });

  test('a value the template refuses is a validation Result at its field, and nothing is sent', async () => {
    const posts = requests('POST /api/v2/customer/');
    const bad = await world.revnue.create(
      newCustomer('Bad Money AG', { template: { id: 1, fields: [{ id: 1, value: '12.345' }] } }),
    );
    expect(bad.ok ? null : bad.error).toMatchObject({
      kind: 'validation',
      fields: { 'template.fields[id=1].value': [expect.stringMatching(/at most 2 decimals/)] },
    });
    expect(requests('POST /api/v2/customer/')).toBe(posts);
  });

  test('the server’s refusal (the name is taken) is main’s Result, unchanged', async () => {
    const first = await world.revnue.create(newCustomer('Taken Name KG'));
    expect(first.ok).toBe(true);
    const second = await world.revnue.create(newCustomer('  taken   name kg'));
    expect(second.ok ? null : second.error.kind).toBe('validation');
    expect(second.ok ? {} : second.error.fields).toHaveProperty('name');
  });
});

describe('findLostCreate', () => {
  test('after the server committed and dropped the answer, the name finds the record', async () => {
    const record = newCustomer('Lost Answer Revnue');
    world.services.sandbox.setFaults('lost:1@POST/api/v2/customer');
    const lost = await world.revnue.create(record);
    expect(lost.ok ? null : lost.error.kind).toBe('network');
    world.services.sandbox.setFaults([]);
    const found = await world.revnue.findLostCreate(record, Date.now());
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value?.record.name).toBe('Lost Answer Revnue');
    expect(found.value?.serverId).toBe(String(found.value?.record.id));
  });

  test('finds nothing when the request never reached the server', async () => {
    const record = newCustomer('Reset Before Saving Revnue');
    world.services.sandbox.setFaults('reset:1@POST/api/v2/customer');
    const reset = await world.revnue.create(record);
    expect(reset.ok ? null : reset.error.kind).toBe('network');
    world.services.sandbox.setFaults([]);
    expect(await world.revnue.findLostCreate(record, Date.now())).toEqual({
      ok: true,
      value: null,
    });
  });
});

describe('the adapters as the engine sees them', () => {
  test('createSyncAdapter picks each connection’s adapter by kind', () => {
    expect(createSyncAdapter(world.api, world.revnueConnection).descriptor).toBe(revnueDescriptor);
    expect(createSyncAdapter(world.api, world.r2Connection).descriptor).toBe(r2Descriptor);
    expect(createSyncAdapter(world.api, world.revnueConnection).connectionId).toBe(
      world.revnueConnection.id,
    );
  });

  test('Revnue cannot tell a salesperson’s own customers', async () => {
    expect(await world.revnue.ownCustomerIds('anyone')).toEqual({ ok: true, value: null });
  });
});
