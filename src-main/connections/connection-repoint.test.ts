import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../secrets/secret-store';
import { createConnectionStore } from './connection-store';

const revnue = {
  kind: 'revnue-v2',
  name: 'Sandbox Revnue',
  baseUrl: 'http://127.0.0.1:4010/api/v2/',
  auth: { mode: 'admin_token' },
  company: 1,
};
const r2 = {
  kind: 'r2',
  name: 'Sandbox R2',
  baseUrl: 'http://127.0.0.1:4010/r2/',
  auth: {
    mode: 'pkce',
    clientId: 'fieldbook',
    issuer: 'http://127.0.0.1:4010',
    scope: 'customers',
  },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-repoint-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store() {
  let n = 0;
  return createConnectionStore({ dir, secrets: createMemorySecretStore(), newId: () => `c${++n}` });
}

describe('connection store: repoint', () => {
  it('moves an R2 connection (base URL and issuer) and keeps everything else, on disk too', async () => {
    const connections = store();
    const created = await connections.create(r2);
    if (!created.ok) throw new Error(created.error.message);
    const moved = await connections.repoint('c1', {
      baseUrl: 'http://127.0.0.1:5020/r2',
      issuer: 'http://127.0.0.1:5020',
    });
    expect(moved).toEqual({
      ok: true,
      value: {
        ...created.value,
        baseUrl: 'http://127.0.0.1:5020/r2/',
        auth: { ...created.value.auth, issuer: 'http://127.0.0.1:5020' },
      },
    });
    const onDisk = JSON.parse(await readFile(join(dir, 'connections.json'), 'utf8'));
    expect(onDisk.connections[0].baseUrl).toBe('http://127.0.0.1:5020/r2/');
    // A fresh store (= a restart) reads the new address.
    expect((await store().get('c1')).ok && (await store().get('c1'))).toMatchObject({
      value: { auth: { issuer: 'http://127.0.0.1:5020' }, createdAt: created.value.createdAt },
    });
  });

  it('moves a Revnue connection and keeps its company and the active selection', async () => {
    const connections = store();
    await connections.create(revnue);
    await connections.create(r2);
    await connections.select('c2');
    const moved = await connections.repoint('c1', { baseUrl: 'http://127.0.0.1:5020/api/v2/' });
    expect(moved.ok && moved.value).toMatchObject({
      baseUrl: 'http://127.0.0.1:5020/api/v2/',
      company: 1,
      name: 'Sandbox Revnue',
    });
    expect(await connections.activeId()).toEqual({ ok: true, value: 'c2' });
  });

  it('refuses an address a new connection could not have, and changes nothing', async () => {
    const connections = store();
    await connections.create(revnue);
    await connections.create(r2);
    const plainHttp = await connections.repoint('c1', { baseUrl: 'http://example.com/api/v2/' });
    expect(plainHttp.ok ? null : plainHttp.error).toMatchObject({
      kind: 'validation',
      fields: { baseUrl: [expect.stringContaining('https://')] },
    });
    const issuerOnRevnue = await connections.repoint('c1', {
      baseUrl: 'http://127.0.0.1:5020/api/v2/',
      issuer: 'http://127.0.0.1:5020',
    });
    expect(issuerOnRevnue.ok ? null : Object.keys(issuerOnRevnue.error.fields ?? {})).toEqual([
      'auth.issuer',
    ]);
    const badIssuer = await connections.repoint('c2', {
      baseUrl: 'http://127.0.0.1:5020/r2/',
      issuer: 'http://evil.example',
    });
    expect(badIssuer.ok ? null : Object.keys(badIssuer.error.fields ?? {})).toContain(
      'auth.issuer',
    );
    expect((await connections.get('c1')).ok && (await connections.get('c1'))).toMatchObject({
      value: { baseUrl: revnue.baseUrl },
    });
    expect(await connections.repoint('nope', { baseUrl: revnue.baseUrl })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });
});
