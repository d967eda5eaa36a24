// secrets.status, secrets.acceptWeakStorage and secrets.withdrawWeakStorage through the real router
// and services: a machine with only basic_text storage refuses sign-ins until the user accepts,
// then works at once; withdrawing deletes those sign-ins and refuses again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { createAbandoningBrowser } from '../auth/test-support/form-filling-browser';
import { createIpcRouter } from '../ipc/router';
import { openSecretStore } from '../secrets/open-secret-store';
import { selectSecretStore } from '../secrets/secret-store-selector';
import { createMemorySecretStore } from '../secrets/secret-store';
import { readWeakStorageConsent } from '../secrets/weak-storage-consent';
import { systemClock } from '../../src-shared/time/clock';
import { createMainServices, type MainServices } from './create-main-services';

const sender = { url: 'test://secrets/' };
let dir = '';
let services: MainServices | undefined;
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await services?.close();
  await sandbox?.close();
  services = undefined;
  sandbox = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function world(secrets: 'basic_text' | 'memory') {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-secrets-'));
  const weakStore = createMemorySecretStore();
  const secretStore =
    secrets === 'memory'
      ? createMemorySecretStore()
      : await selectSecretStore({
          userDataDir: dir,
          open: (accepted) =>
            openSecretStore(
              {
                keychain: { works: async () => false, open: () => createMemorySecretStore() },
                safeStorage: { backend: () => 'basic_text', open: () => weakStore },
              },
              accepted,
            ),
        });
  services = createMainServices({
    userDataDir: dir,
    secrets: secretStore,
    browser: createAbandoningBrowser(),
    clock: systemClock,
    log: () => {},
  });
  const router = createIpcRouter({ handlers: services.handlers, isTrustedSender: () => true });
  return {
    weakStore,
    call: (channel: string, payload?: unknown) => router.handle(channel, sender, payload),
  };
}

it('refuses until the user accepts weaker storage, then keeps sign-ins there without a restart', async () => {
  const { call, weakStore } = await world('basic_text');
  const refused = await call('secrets.status');
  expect(refused).toMatchObject({
    ok: true,
    value: { store: 'unavailable', canAcceptWeakStorage: true },
  });
  expect(JSON.stringify(refused)).toContain('Keep sign-ins with weaker protection');

  sandbox = await startSandbox({ port: 0, customers: 1, log: () => {} });
  const created = await call('connections.create', {
    kind: 'r2',
    name: 'R2 service account',
    baseUrl: sandbox.r2.baseUrl,
    auth: {
      mode: 'client_credentials',
      clientId: sandbox.r2.serviceClientId,
      issuer: sandbox.r2.issuer,
    },
  });
  if (!created.ok) throw new Error(created.error.message);
  const connectionId = (created.value as { id: string }).id;
  const signIn = { connectionId, clientSecret: sandbox.r2.serviceClientSecret };
  const refusedSignIn = await call('auth.signInService', signIn);
  expect(refusedSignIn).toMatchObject({ ok: false, error: { kind: 'auth' } });
  expect(refusedSignIn.ok || refusedSignIn.error.message).toMatch(/no secure place/);
  expect(weakStore.accounts()).toEqual([]);

  expect(await call('secrets.acceptWeakStorage')).toEqual({ ok: true, value: { store: 'weak' } });
  expect(await call('secrets.status')).toEqual({ ok: true, value: { store: 'weak' } });
  expect(await readWeakStorageConsent(dir)).toBe(true);
  // The services' store is the weak one now: the same sign-in succeeds and its tokens land there.
  expect(await call('auth.signInService', signIn)).toMatchObject({
    ok: true,
    value: { state: 'signed_in' },
  });
  expect(weakStore.accounts()).toEqual([connectionId]);
  expect(await weakStore.get(connectionId)).toContain(sandbox.r2.serviceClientSecret);
});

it('withdrawing deletes the weakly kept sign-ins, signs out, and refuses weak storage again', async () => {
  const { call, weakStore } = await world('basic_text');
  sandbox = await startSandbox({ port: 0, customers: 1, log: () => {} });
  const created = await call('connections.create', {
    kind: 'r2',
    name: 'R2 service account',
    baseUrl: sandbox.r2.baseUrl,
    auth: {
      mode: 'client_credentials',
      clientId: sandbox.r2.serviceClientId,
      issuer: sandbox.r2.issuer,
    },
  });
  if (!created.ok) throw new Error(created.error.message);
  const connectionId = (created.value as { id: string }).id;
  const signIn = { connectionId, clientSecret: sandbox.r2.serviceClientSecret };
  expect(await call('secrets.acceptWeakStorage')).toEqual({ ok: true, value: { store: 'weak' } });
  expect(await call('auth.signInService', signIn)).toMatchObject({ ok: true });
  const announced: unknown[] = [];
  services?.events.subscribe((event) => announced.push(event));

  const withdrawn = await call('secrets.withdrawWeakStorage');
  expect(withdrawn).toMatchObject({
    ok: true,
    value: { store: 'unavailable', canAcceptWeakStorage: true },
  });
  expect(weakStore.accounts()).toEqual([]);
  expect(await readWeakStorageConsent(dir)).toBe(false);
  expect(await call('auth.status', { connectionId })).toMatchObject({
    ok: true,
    value: { state: 'signed_out' },
  });
  expect(announced).toContainEqual({
    event: 'auth.changed',
    payload: expect.objectContaining({ connectionId, state: 'signed_out' }),
  });
  // The connection stays, and signing in again is refused until the user consents again.
  const listed = await call('connections.list');
  expect(JSON.stringify(listed)).toContain(connectionId);
  const again = await call('auth.signInService', signIn);
  expect(again.ok || again.error.message).toMatch(/no secure place/);
  expect(weakStore.accounts()).toEqual([]);
});

it('reports a plain test store as memory', async () => {
  const { call } = await world('memory');
  expect(await call('secrets.status')).toEqual({ ok: true, value: { store: 'memory' } });
  expect(await call('secrets.acceptWeakStorage')).toEqual({ ok: true, value: { store: 'memory' } });
  expect(await call('secrets.withdrawWeakStorage')).toEqual({
    ok: true,
    value: { store: 'memory' },
  });
  expect(await call('secrets.status', { extra: 1 })).toMatchObject({
    ok: false,
    error: { kind: 'validation' },
  });
});
