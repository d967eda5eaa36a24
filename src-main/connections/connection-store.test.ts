import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../secrets/secret-store';
import { createConnectionStore } from './connection-store';

const revnue = {
  kind: 'revnue-v2',
  name: ' Acme Revnue ',
  baseUrl: 'https://dashboard-api.revnue.com/api/v2',
  auth: { mode: 'admin_token' },
  company: 3,
};
const r2 = {
  kind: 'r2',
  name: 'Rentals',
  baseUrl: 'http://127.0.0.1:4010/r2/',
  auth: { mode: 'pkce', clientId: 'fieldbook', issuer: 'http://127.0.0.1:4010/oauth' },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-connections-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store(secrets = createMemorySecretStore()) {
  let n = 0;
  return createConnectionStore({
    dir,
    secrets,
    newId: () => `c${++n}`,
    now: () => 1_700_000_000_000,
  });
}

describe('connection store', () => {
  it('creates, lists, renames, selects and deletes connections, persisting them as JSON', async () => {
    const connections = store();
    const a = await connections.create(revnue);
    const b = await connections.create(r2);
    expect(a).toMatchObject({ ok: true, value: { id: 'c1', name: 'Acme Revnue', company: 3 } });
    // A trailing slash is added so `customer/` resolves below /api/v2/, not beside it.
    expect(a.ok && a.value.baseUrl).toBe('https://dashboard-api.revnue.com/api/v2/');
    expect(b.ok).toBe(true);
    expect(await connections.activeId()).toEqual({ ok: true, value: 'c1' });

    expect(await connections.rename('c2', '  Rentals HQ ')).toMatchObject({
      ok: true,
      value: { name: 'Rentals HQ' },
    });
    expect((await connections.select('c2')).ok).toBe(true);

    const reopened = store();
    const listed = await reopened.list();
    expect(listed.ok && listed.value.map((c) => c.name)).toEqual(['Acme Revnue', 'Rentals HQ']);
    expect(await reopened.activeId()).toEqual({ ok: true, value: 'c2' });

    expect(await reopened.delete('c2')).toEqual({ ok: true, value: undefined });
    expect(await reopened.activeId()).toEqual({ ok: true, value: 'c1' });
    expect(await reopened.get('c2')).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('deletes the connection’s secrets with it, and keeps the connection if the keychain refuses', async () => {
    const secrets = createMemorySecretStore();
    const connections = store(secrets);
    await connections.create(revnue);
    await secrets.set('c1', '{"kind":"revnue_token","accessToken":"tok-123456789"}');
    expect((await connections.delete('c1')).ok).toBe(true);
    expect(secrets.accounts()).toEqual([]);

    const refusing = {
      ...createMemorySecretStore(),
      delete: () => Promise.reject(new Error('locked')),
    };
    const guarded = store(refusing);
    await guarded.create(r2);
    const refused = await guarded.delete('c1');
    expect(refused).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(refused.ok || refused.error.message).toMatch(/keychain/);
    expect((await guarded.get('c1')).ok).toBe(true);
  });

  it('refuses plain http on non-loopback hosts, for the base URL and every sign-in endpoint', async () => {
    const connections = store();
    const result = await connections.create({
      ...r2,
      baseUrl: 'http://erp.example.com/',
      auth: { mode: 'pkce', clientId: 'x', issuer: 'http://login.example.com/' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('validation');
    expect(result.error.fields?.baseUrl?.[0]).toMatch(/must start with https:\/\//);
    expect(result.error.fields?.['auth.issuer']?.[0]).toMatch(/must start with https:\/\//);
    expect(result.error.message).toMatch(/https:\/\//);
    expect((await connections.list()).ok && (await connections.list())).toEqual({
      ok: true,
      value: [],
    });
  });

  it.each([
    'http://127.evil.example/',
    'http://127.0.0.1.nip.io/',
    'http://localhost.evil.example/',
  ])('refuses %s: a host that only starts like loopback is another computer', async (address) => {
    const connections = store();
    const result = await connections.create({
      ...r2,
      baseUrl: address,
      auth: { mode: 'pkce', clientId: 'x', issuer: address },
    });
    expect(!result.ok && result.error.fields).toMatchObject({
      baseUrl: [expect.stringMatching(/must start with https:\/\//)],
      'auth.issuer': [expect.stringMatching(/must start with https:\/\//)],
    });
  });

  it('explains every missing or wrong field in words a salesperson understands', async () => {
    const connections = store();
    const result = await connections.create({
      kind: 'r2',
      name: '',
      baseUrl: 'not a url',
      auth: { mode: 'pkce' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual({
      name: ['Name is required'],
      baseUrl: ['Enter a full address such as https://api.example.com/'],
      'auth.clientId': ['Client ID is required'],
    });
    const noKind = await connections.create({ name: 'x' });
    expect(noKind.ok || noKind.error.fields?.kind).toEqual([
      'Choose the type of connection: Revnue or Unibiz R2',
    ]);
    const badCompany = await connections.create({ ...revnue, company: 0 });
    expect(badCompany.ok || badCompany.error.fields?.company).toEqual([
      'Company must be a whole number of 1 or more',
    ]);
    const noEndpoints = await connections.create({
      ...r2,
      auth: { mode: 'client_credentials', clientId: 'svc' },
    });
    expect(noEndpoints.ok || noEndpoints.error.fields?.['auth.issuer']).toEqual([
      'Enter the sign-in server address, or its token endpoint',
    ]);
    expect(await connections.rename('nope', 'x')).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    await connections.create(revnue);
    expect(await connections.rename('c1', '   ')).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: { name: ['Name is required'] } },
    });
  });

  it('accepts hand-entered endpoints instead of an issuer', async () => {
    const result = await store().create({
      ...r2,
      auth: {
        mode: 'pkce',
        clientId: 'fb',
        authorizationEndpoint: 'https://login.example.com/auth',
        tokenEndpoint: 'https://login.example.com/token',
      },
    });
    expect(result.ok).toBe(true);
  });

  it('writes no secret and no temp file, and serializes concurrent creates', async () => {
    const connections = store();
    // A secret pasted into the wrong place is dropped, never persisted.
    const leaky = {
      ...revnue,
      token: 'SECRET-abcdef123',
      auth: { mode: 'admin_token', clientSecret: 'SECRET-x' },
    };
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => connections.create({ ...leaky, name: `n${i}` })),
    );
    const listed = await store().list();
    expect(listed.ok && listed.value).toHaveLength(20);
    expect(await readdir(dir)).toEqual(['connections.json']);
    const text = await readFile(join(dir, 'connections.json'), 'utf8');
    expect(text).not.toContain('SECRET-');
  });

  it('moves a damaged file aside instead of overwriting it', async () => {
    await writeFile(join(dir, 'connections.json'), '{"version":1, "connections": [ broken');
    const warnings: string[] = [];
    const connections = createConnectionStore({
      dir,
      secrets: createMemorySecretStore(),
      now: () => 42,
      warn: (m) => warnings.push(m),
    });
    expect(await connections.list()).toEqual({ ok: true, value: [] });
    expect(warnings[0]).toMatch(/connections.damaged-42.json/);
    expect(await readFile(join(dir, 'connections.damaged-42.json'), 'utf8')).toContain('broken');
  });
});
