import { afterEach, describe, expect, it } from 'vitest';
import { createServicesWorld, type ServicesWorld } from './test-support/services-world';

let world: ServicesWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('main services over IPC against the sandbox', () => {
  it('tryIt connects both APIs; Revnue and R2 customers round-trip', async () => {
    world = await createServicesWorld();
    const { call, revnueId, r2Id } = world;
    const companies = await call('revnue.lookups.companies', { connectionId: revnueId });
    expect(companies.ok && companies.value.length).toBeGreaterThan(0);
    for (const channel of [
      'revnue.lookups.categories',
      'revnue.lookups.countries',
      'revnue.lookups.customFieldTemplates',
    ] as const) {
      const lookup = await call(channel, { connectionId: revnueId });
      expect(lookup.ok, channel).toBe(true);
    }
    const created = await call('revnue.customers.create', {
      connectionId: revnueId,
      body: { company: 1, name: 'Round Trip Ltd', city: 'York' },
    });
    if (!created.ok) throw new Error(created.error.message);
    const updated = await call('revnue.customers.update', {
      connectionId: revnueId,
      id: created.value.id,
      body: { company: 1, name: 'Round Trip Ltd', city: 'Hull' },
    });
    expect(updated.ok && updated.value.city).toBe('Hull');
    const found = await call('revnue.customers.findByName', {
      connectionId: revnueId,
      name: ' round trip LTD ',
    });
    expect(found.ok && found.value?.id).toBe(created.value.id);
    const missing = await call('revnue.customers.findByName', {
      connectionId: revnueId,
      name: 'Nobody Here',
    });
    expect(missing).toEqual({ ok: true, value: null });

    const r2 = await call('r2.customers.create', {
      connectionId: r2Id,
      body: { companyname: 'R2 Round Trip', customerid: 'RT-1' },
    });
    if (!r2.ok) throw new Error(r2.error.message);
    const patched = await call('r2.customers.patch', {
      connectionId: r2Id,
      id: r2.value.id,
      body: { phonenumber: '0113 496 0000' },
    });
    expect(patched.ok && patched.value?.phonenumber).toBe('0113 496 0000');
    const byKey = await call('r2.customers.findByNaturalKey', {
      connectionId: r2Id,
      customerid: 'RT-1',
    });
    expect(byKey.ok && byKey.value.map((c) => c.recordid)).toEqual([r2.value.id]);
    const page = await call('r2.customers.list', { connectionId: r2Id, page: 2, pageSize: 7 });
    expect(page.ok && page.value.rows.length).toBe(7);
    expect(page.ok && page.value.total).toBeGreaterThan(14);
  });

  it('maps server validation to per-field messages and refuses the wrong connector kind', async () => {
    world = await createServicesWorld();
    const { call, revnueId, r2Id } = world;
    const first = await call('revnue.customers.create', {
      connectionId: revnueId,
      body: { company: 1, name: 'Twice' },
    });
    expect(first.ok).toBe(true);
    const again = await call('revnue.customers.create', {
      connectionId: revnueId,
      body: { company: 1, name: 'Twice' },
    });
    expect(again.ok ? null : again.error).toMatchObject({ kind: 'validation', status: 400 });
    expect(again.ok ? [] : Object.keys(again.error.fields ?? {})).toContain('name');
    const taken = await call('r2.customers.create', {
      connectionId: r2Id,
      body: { companyname: 'A', customerid: 'DUP-1' },
    });
    expect(taken.ok).toBe(true);
    const duplicate = await call('r2.customers.create', {
      connectionId: r2Id,
      body: { companyname: 'B', customerid: 'DUP-1' },
    });
    expect(duplicate.ok ? null : duplicate.error.kind).toBe('validation');
    expect(duplicate.ok ? [] : Object.keys(duplicate.error.fields ?? {})).toContain('customerid');
    const wrongKind = await call('revnue.customers.list', { connectionId: r2Id });
    expect(wrongKind.ok ? null : wrongKind.error.kind).toBe('validation');
    const gone = await call('revnue.customers.get', { connectionId: revnueId, id: 999_999 });
    expect(gone.ok ? null : gone.error.kind).toBe('not_found');
  });

  it('never puts a token in an IPC answer or a log line', async () => {
    world = await createServicesWorld();
    const { call, revnueId, r2Id, sandbox } = world;
    await call('revnue.customers.list', { connectionId: revnueId });
    await call('r2.customers.list', { connectionId: r2Id });
    await call('auth.status', { connectionId: r2Id });
    const before = await world.storedTokens();
    // Both connections hold tokens: Revnue's admin token, R2's access and refresh token.
    expect(before.length).toBeGreaterThanOrEqual(3);

    sandbox.setFaults('expire-tokens');
    await call('r2.customers.list', { connectionId: r2Id });
    await call('revnue.customers.list', { connectionId: revnueId });
    await call('auth.status', { connectionId: r2Id });
    await call('auth.setToken', { connectionId: revnueId, token: 'rvn_wrong_token_that_is_long' });
    await call('connections.list', undefined);
    const after = await world.storedTokens();
    // The R2 tokens rotated: the refresh stored a new access and refresh token.
    expect(after.filter((token) => !before.includes(token)).length).toBeGreaterThanOrEqual(2);

    // …nor in an event: the window hears of every sign-in change above.
    const events = world.events.map((event) => JSON.stringify(event));
    expect(events.length).toBeGreaterThan(3);
    const everything = [...world.answers, ...world.logs, ...events].join('\n');
    expect(world.answers.length).toBeGreaterThan(7);
    const tokens = new Set([...before, ...after, ...sandbox.revnue.tokens]);
    for (const token of tokens) expect(token.length).toBeGreaterThanOrEqual(8);
    expect([...tokens].filter((token) => everything.includes(token))).toEqual([]);
    expect(everything).not.toContain('rvn_wrong_token_that_is_long');
    expect(everything).not.toMatch(/Bearer\s+(?!\[redacted\])\S/);
    expect(everything).not.toMatch(/eyJ[\w-]{10,}\./); // no JWT-shaped R2 token
    expect(everything).not.toContain(sandbox.r2.serviceClientSecret);
  });
});
