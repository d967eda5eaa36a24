// The R2 sync adapter against the real sandbox over HTTP, through main's real services and IPC
// router (the adapter world): paged pulls whose customers straddle page breaks, deltas, get,
// create, PATCH and PUT, and finding a create whose answer was lost.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from '../../../../../src-shared/connectors/r2/api';
import { r2Descriptor } from '../../../../../src-shared/connectors/r2/descriptor';
import type { ConnectorDescriptor } from '../../../../../src-shared/connectors/descriptor';
import { merge } from '../../../../../src-shared/sync/merge';
import { createAdapterWorld, type AdapterWorld } from '../../test-support/adapter-world.node';
import type { PulledRecord } from '../../../db/customer-store';
import type { SyncAdapter } from '../../sync-adapter';
import { createR2Adapter, createSyncAdapter } from '../index';

let world: AdapterWorld;
beforeAll(async () => {
  world = await createAdapterWorld();
});
afterAll(async () => {
  await world.close();
});
beforeEach(() => world.services.sandbox.setFaults([]));

const requests = (endpoint: string) => world.services.sandbox.state().requests[endpoint] ?? 0;

/** Every page of one pull: its records in order, and the last page's checkpoint. */
async function pullAll(
  adapter: SyncAdapter<R2CustomerRecord>,
  checkpoint: string | null,
  now: number,
) {
  const records: PulledRecord<R2CustomerRecord>[] = [];
  let cursor: unknown = null;
  for (let pages = 1; pages < 1000; pages += 1) {
    const page = await adapter.pullPage(cursor, checkpoint, now);
    if (!page.ok) throw new Error(page.error.message);
    records.push(...page.value.records);
    if (page.value.next === null) return { records, last: page.value, pages };
    cursor = page.value.next;
  }
  throw new Error('the pull did not end');
}

/** The truth, read independently of the adapter: each listed customer's contacts, in row order. */
async function listedContacts(): Promise<{ contacts: Map<string, string[]>; rowOf: string[] }> {
  const listed = await world.api.r2.customers.list({
    connectionId: world.r2Connection.id,
    pageSize: 500,
  });
  if (!listed.ok) throw new Error(listed.error.message);
  const contacts = new Map<string, string[]>();
  for (const row of listed.value.rows) {
    const ids = contacts.get(row.recordid) ?? [];
    if (row.contactrecordid) ids.push(row.contactrecordid);
    contacts.set(row.recordid, ids);
  }
  return { contacts, rowOf: listed.value.rows.map((row) => row.recordid) };
}

const contactIds = (record: R2CustomerRecord) => (record.contacts ?? []).map((c) => c.recordid);

describe('pull', () => {
  test.each([2, 3, 7])(
    'a full pull in pages of %i rows gives every customer once, with all its contacts',
    async (pageSize) => {
      const truth = await listedContacts();
      // The page size must really split customers, or this proves nothing.
      const straddling = truth.rowOf.filter(
        (id, index) => index % pageSize === 0 && index > 0 && truth.rowOf[index - 1] === id,
      );
      expect(straddling.length).toBeGreaterThan(0);

      const adapter = createR2Adapter(world.api, world.r2Connection, { pageSize });
      const { records, last } = await pullAll(adapter, null, Date.parse('2026-03-01T10:00:00Z'));
      const ids = records.map((pulled) => pulled.serverId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Map(records.map((p) => [p.serverId, contactIds(p.record)]))).toEqual(
        truth.contacts,
      );
      expect(records.every((pulled) => pulled.hydration === 'summary')).toBe(true);
      expect(last).toMatchObject({ complete: false, checkpoint: '2026-03-01T10:00:00.000Z' });
      expect(last.done).toBe(last.total);
    },
  );

  test('a pulled summary equals the descriptor’s summary of the full record', async () => {
    const { records } = await pullAll(world.r2, null, Date.now());
    for (const pulled of records.slice(0, 12)) {
      const full = await world.r2.get(pulled.serverId);
      if (!full.ok) throw new Error(full.error.message);
      expect(r2Descriptor.summaryOf(full.value)).toStrictEqual(pulled.record);
      expect(r2Descriptor.validate(pulled.record, {}).ok).toBe(true);
    }
  });

  test('a delta pull lists what changed since a minute before the checkpoint', async () => {
    const started = Date.now();
    const full = await pullAll(world.r2, null, started);
    const checkpoint = full.last.checkpoint ?? null;
    expect(checkpoint).toBe(new Date(started).toISOString());

    const target = full.records[5] as PulledRecord<R2CustomerRecord>;
    const base = await world.r2.get(target.serverId);
    if (!base.ok) throw new Error(base.error.message);
    const mine = { ...base.value, web: 'https://changed-during-test.example' };
    const pushed = await world.r2.push(
      target.serverId,
      merge(r2Descriptor.shape, base.value, mine, base.value),
      base.value,
    );
    expect(pushed.ok).toBe(true);

    const delta = await pullAll(world.r2, checkpoint, Date.now());
    expect(delta.records.map((p) => p.serverId)).toContain(target.serverId);
    expect(delta.records.length).toBeLessThan(full.records.length);
    // R2's wall clock is UTC in the sandbox: the minute the delta starts from, as a local ISO time.
    const sinceMinute = new Date(Date.parse(checkpoint as string) - 60_000)
      .toISOString()
      .slice(0, 16);
    for (const pulled of delta.records) {
      expect((pulled.record.updateddate ?? '') >= sinceMinute).toBe(true);
    }
  });
});

describe('get, create, push', () => {
  const connectionId = () => world.r2Connection.id;

  test('get answers the full record; a failure is main’s Result, unchanged', async () => {
    const { records } = await pullAll(world.r2, null, Date.now());
    const got = await world.r2.get(records[0]!.serverId);
    expect(got.ok && r2Descriptor.validate(got.value, {}).ok).toBe(true);
    const direct = await world.api.r2.customers.get({
      connectionId: connectionId(),
      id: '999999999',
    });
    expect(await world.r2.get('999999999')).toEqual(direct);
    expect(direct.ok ? null : direct.error.kind).toBe('not_found');
  });

  test('create takes the id from Location and renames the new contact to its recordid', async () => {
    const sent = r2Descriptor.prepareForStore({
      ...r2Descriptor.emptyRecord(),
      companyname: 'Adapter Create Ltd',
      contacts: [{ firstname: 'Nia', emailaddr: 'nia@create.example' }],
    });
    const created = await world.r2.create(sent);
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.serverId).toMatch(/^\d+$/);
    const again = await world.r2.get(created.value.serverId);
    expect(again.ok && again.value).toEqual(created.value.record);
    expect(created.value.record.synchronizer2).toBe('Created in R2');
    const [rename] = r2Descriptor.itemRenames(sent, created.value.record);
    expect(rename?.to).toBe(`contacts[recordid="${created.value.record.contacts?.[0]?.recordid}"]`);
  });

  test('an edit is a PATCH of just that field; removing a contact is a PUT', async () => {
    const created = await world.r2.create({
      ...r2Descriptor.emptyRecord(),
      companyname: 'Patch And Put GmbH',
      contacts: [
        { localKey: 'local-a', firstname: 'A' },
        { localKey: 'local-b', firstname: 'B' },
      ],
    });
    if (!created.ok) throw new Error(created.error.message);
    const { serverId, record: base } = created.value;

    const patches = requests('PATCH /r2/customers/{id}');
    const edited = { ...base, phonenumber: '+44 113 496 0999' };
    const patched = await world.r2.push(
      serverId,
      merge(r2Descriptor.shape, base, edited, base),
      base,
    );
    if (!patched.ok) throw new Error(patched.error.message);
    expect(patched.value.phonenumber).toBe('+44 113 496 0999');
    expect(requests('PATCH /r2/customers/{id}')).toBe(patches + 1);

    const puts = requests('PUT /r2/customers/{id}');
    const fewer = { ...patched.value, contacts: patched.value.contacts?.slice(0, 1) };
    const put = await world.r2.push(
      serverId,
      merge(r2Descriptor.shape, patched.value, fewer, patched.value),
      patched.value,
    );
    if (!put.ok) throw new Error(put.error.message);
    expect(put.value.contacts?.map((c) => c.firstname)).toEqual(['A']);
    expect(requests('PUT /r2/customers/{id}')).toBe(puts + 1);
  });

  test('a record R2 would refuse is a validation Result with field messages, and nothing is sent', async () => {
    const posts = requests('POST /r2/customers');
    const bad = await world.r2.create({
      companyname: 'Bad Email AG',
      contacts: [{ localKey: 'local-x', emailaddr: 'not-an-email' }],
    });
    expect(bad.ok ? null : bad.error).toMatchObject({
      kind: 'validation',
      fields: { 'contacts[localKey=local-x].emailaddr': ['Enter a valid email address'] },
    });
    expect(requests('POST /r2/customers')).toBe(posts);
  });
});

describe('findLostCreate', () => {
  test('after the server committed and dropped the answer, the natural key finds the record', async () => {
    const record = { ...r2Descriptor.emptyRecord(), companyname: 'Lost Answer Rentals' };
    const firstAttemptAt = Date.now();
    world.services.sandbox.setFaults('lost:1@POST/r2/customers');
    const lost = await world.r2.create(record);
    expect(lost.ok ? null : lost.error.kind).toBe('network');
    world.services.sandbox.setFaults([]);

    const found = await world.r2.findLostCreate(record, firstAttemptAt);
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value?.record.companyname).toBe('Lost Answer Rentals');
    const got = await world.r2.get(found.value?.serverId ?? '');
    expect(got.ok && got.value.companyname).toBe('Lost Answer Rentals');
  });

  test('finds nothing when the request never reached the server', async () => {
    const record = { ...r2Descriptor.emptyRecord(), companyname: 'Reset Before Saving' };
    const firstAttemptAt = Date.now();
    world.services.sandbox.setFaults('reset:1@POST/r2/customers');
    const reset = await world.r2.create(record);
    expect(reset.ok ? null : reset.error.kind).toBe('network');
    world.services.sandbox.setFaults([]);
    const found = await world.r2.findLostCreate(record, firstAttemptAt);
    expect(found).toEqual({ ok: true, value: null });
  });

  test('of two customers with our name, the one holding what we sent is ours', async () => {
    const firstAttemptAt = Date.now();
    const ours = {
      ...r2Descriptor.emptyRecord(),
      companyname: 'Twice Named Ltd',
      web: 'https://ours.example',
    };
    const colleague = await world.r2.create({ ...ours, web: 'https://colleague.example' });
    const mine = await world.r2.create(ours);
    if (!colleague.ok || !mine.ok) throw new Error('setup failed');
    const found = await world.r2.findLostCreate(ours, firstAttemptAt);
    expect(found.ok && found.value?.serverId).toBe(mine.value.serverId);
  });

  test('a customer with the same name created before the first attempt is not ours', async () => {
    const record = { ...r2Descriptor.emptyRecord(), companyname: 'Older Namesake Ltd' };
    const older = await world.r2.create(record);
    expect(older.ok).toBe(true);
    const found = await world.r2.findLostCreate(record, Date.now() + 120_000);
    expect(found).toEqual({ ok: true, value: null });
  });
});

describe('the adapter as the engine sees it', () => {
  test('createSyncAdapter picks the R2 adapter by kind, and it fits SyncAdapter<unknown>', () => {
    const adapter: SyncAdapter<unknown> = createSyncAdapter(world.api, world.r2Connection);
    const descriptor: ConnectorDescriptor<unknown> = adapter.descriptor;
    expect(descriptor).toBe(r2Descriptor);
    expect(adapter.connectionId).toBe(world.r2Connection.id);
  });

  test('R2 needs no lookups', async () => {
    expect(await world.r2.fetchLookups()).toEqual({ ok: true, value: {} });
  });
});

describe('ownCustomerIds', () => {
  test("the 'mine' scope: exactly the customers whose salespersonid is the salesperson's", async () => {
    const adapter = createR2Adapter(world.api, world.r2Connection, { pageSize: 3 });
    const made: string[] = [];
    for (const name of ['Mine One Ltd', 'Mine Two Ltd']) {
      const created = await adapter.create(
        r2Descriptor.prepareForStore({ companyname: name, salespersonid: 'SP-ADAPTER-TEST' }),
      );
      if (!created.ok) throw new Error(created.error.message);
      made.push(created.value.serverId);
    }
    const other = await adapter.create({ companyname: 'Not Mine Ltd', salespersonid: 'SP-ELSE' });
    expect(other.ok).toBe(true);

    const own = await adapter.ownCustomerIds('SP-ADAPTER-TEST');
    if (!own.ok) throw new Error(own.error.message);
    expect([...(own.value ?? [])].sort()).toEqual([...made].sort());
  });
});
