import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { channels } from '../../src-shared/ipc/channels';
import type { Handlers, IpcSender } from '../../src-shared/ipc/contract';
import { appErrorSchema, ok, fail } from '../../src-shared/ipc/result';
import { parseVouched } from '../../src-shared/ipc/checked-once';
import { r2ListPageSchema } from '../../src-shared/connectors/r2/api';
import { seedListRow } from '../../src-shared/connectors/r2/api/seed-samples';
import { createIpcRouter, type IpcRouterOptions } from './router';
import { createUnavailableHandlers } from './unavailable-handlers';

const app: IpcSender = { url: 'app://fieldbook/index.html', topFrame: true };
const foreign: IpcSender = { url: 'https://evil.example/', topFrame: true };
const isTrustedSender = (sender: IpcSender) => sender.url?.startsWith('app://fieldbook/') === true;

function routerWith(handlers: Partial<Handlers>, extra: Partial<IpcRouterOptions> = {}) {
  const log = vi.fn();
  const router = createIpcRouter({
    handlers: { ...createUnavailableHandlers(), ...handlers },
    isTrustedSender,
    log,
    ...extra,
  });
  return { router, log };
}

const view = {
  id: 'c1',
  createdAt: '2026-11-23T04:00:00.000Z',
  kind: 'revnue-v2' as const,
  name: 'Acme',
  baseUrl: 'https://dashboard-api.revnue.com/api/v2/',
  auth: { mode: 'admin_token' as const },
  company: 1,
  authState: 'signed_out' as const,
  active: true,
};

describe('createIpcRouter', () => {
  test('passes the parsed input and the context to the handler and answers its Result', async () => {
    const rename = vi.fn<Handlers['connections.rename']>(async ({ name }) => ok({ ...view, name }));
    const { router } = routerWith({ 'connections.rename': rename });
    const answer = await router.handle('connections.rename', app, { id: 'c1', name: '  Acme EU ' });
    expect(answer).toEqual({ ok: true, value: { ...view, name: 'Acme EU' } });
    expect(rename).toHaveBeenCalledWith(
      { id: 'c1', name: 'Acme EU' },
      { channel: 'connections.rename', sender: app },
    );
  });

  test('an unknown channel is a validation error', async () => {
    const { router } = routerWith({});
    const answer = await router.handle('shell.exec', app, { command: 'rm -rf /' });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!answer.ok) expect(answer.error.message).toContain('shell.exec');
  });

  test('a foreign sender is refused before anything else happens', async () => {
    const list = vi.fn<Handlers['connections.list']>(async () => ok({ connections: [] }));
    const { router, log } = routerWith({ 'connections.list': list });
    for (const sender of [foreign, {}, { url: 'file:///tmp/x.html' }]) {
      const answer = await router.handle('connections.list', sender, undefined);
      expect(answer).toMatchObject({ ok: false, error: { kind: 'auth' } });
    }
    expect(list).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('untrusted'), expect.anything());
  });

  test('a sender check that throws counts as a refusal', async () => {
    const { router } = routerWith(
      {},
      {
        isTrustedSender: () => {
          throw new Error('frame disposed');
        },
      },
    );
    expect(await router.handle('connections.list', app, undefined)).toMatchObject({
      ok: false,
      error: { kind: 'auth' },
    });
  });

  test('a malformed payload is a validation error with a message per field', async () => {
    const rename = vi.fn();
    const { router } = routerWith({ 'connections.rename': rename });
    const answer = await router.handle('connections.rename', app, { id: '', name: 'x'.repeat(81) });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        fields: {
          id: ['Choose a connection first'],
          name: ['Name must be at most 80 characters'],
        },
      },
    });
    if (!answer.ok) expect(answer.error.message).toContain('Name must be at most 80 characters');
    expect(rename).not.toHaveBeenCalled();
  });

  test('a payload zod cannot examine is a validation error, and no handler is called', async () => {
    // Found by the IPC fuzzer: a `length` whose `toString` is no function makes zod's string
    // checks throw instead of failing.
    const rename = vi.fn();
    const { router, log } = routerWith({ 'connections.rename': rename });
    const payload = { id: { length: { toString: new Uint8Array([1, 2, 3]) } }, name: 'Acme' };
    const answer = await router.handle('connections.rename', app, payload);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(rename).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  test('fields of a record body are keyed as the editor names them, without "body."', async () => {
    const { router } = routerWith({});
    const answer = await router.handle('revnue.customers.create', app, {
      connectionId: 'c1',
      body: { company: 1, name: 'Acme', contact_person: { name: 'Ann', email: 'not-an-email' } },
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.kind).toBe('validation');
      expect(answer.error.fields?.['contact_person.email']).toEqual([
        'Enter a valid email address',
      ]);
    }
  });

  test.each([undefined, null, 42, 'connections', [], { connectionId: 'c1', extra: true }])(
    'payload %j for an operation that needs an object is a validation error',
    async (payload) => {
      const { router } = routerWith({});
      expect(await router.handle('auth.status', app, payload)).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      });
    },
  );

  test('a throwing handler becomes a server error with a safe message', async () => {
    const { router, log } = routerWith({
      'connections.list': async () => {
        throw new Error('ECONNRESET at /home/u/secret/path with Authorization: Bearer abc.def.ghi');
      },
    });
    const answer = await router.handle('connections.list', app, undefined);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'server' } });
    if (answer.ok) return;
    expect(answer.error.message).toMatch(/reference [0-9a-f]{8}/);
    expect(answer.error.message).not.toMatch(/ECONNRESET|secret|abc\.def/);
    const logged = JSON.stringify(log.mock.calls);
    expect(logged).toContain('ECONNRESET');
    expect(logged).not.toContain('abc.def.ghi');
  });

  test('a handler that throws a non-Error, or answers a non-Result, is a server error', async () => {
    const { router } = routerWith({
      'connections.list': () => Promise.reject('just a string'),
      'sandbox.tryIt': async () => undefined as never,
    });
    for (const channel of ['connections.list', 'sandbox.tryIt']) {
      expect(await router.handle(channel, app, undefined)).toMatchObject({
        ok: false,
        error: { kind: 'server' },
      });
    }
  });

  test('tokens in error messages a handler returns are redacted', async () => {
    const { router } = routerWith({
      'auth.setToken': async () =>
        fail('auth', 'Server said: invalid header "Authorization: Bearer s3cr3t-t0ken"', {
          fields: { token: ['Authorization: Bearer s3cr3t-t0ken was rejected'] },
        }),
    });
    const answer = await router.handle('auth.setToken', app, {
      connectionId: 'c1',
      token: 's3cr3t-t0ken',
    });
    expect(JSON.stringify(answer)).not.toContain('s3cr3t-t0ken');
    expect(answer).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });

  test('an answer that breaks the contract is a server error, with a redacted log', async () => {
    const broken = (async () =>
      ok({
        connections: 'none',
        note: 'Authorization: Bearer leaked.jwt.value',
      })) as unknown as Handlers['connections.list'];
    const { router, log } = routerWith({ 'connections.list': broken });
    const answer = await router.handle('connections.list', app, undefined);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(answer.ok || answer.error.message).toMatch(/reference [0-9a-f]{8}/);
    const logged = JSON.stringify(log.mock.calls);
    expect(logged).toContain('IPC handler failed');
    expect(logged).not.toContain('leaked.jwt.value');
  });

  test('the renderer receives the parsed answer: keys the contract does not name are dropped', async () => {
    const leaky = (async () =>
      ok({ ...view, accessToken: 'secret-access-token-1234' })) as Handlers['connections.select'];
    const listed = (async () =>
      ok({
        connections: [{ ...view, refreshToken: 'secret-refresh-token-5678' }],
        tokens: { accessToken: 'secret-access-token-1234' },
      })) as unknown as Handlers['connections.list'];
    const { router } = routerWith({ 'connections.select': leaky, 'connections.list': listed });
    const selected = await router.handle('connections.select', app, { id: 'c1' });
    expect(selected).toEqual({ ok: true, value: view });
    const list = await router.handle('connections.list', app, undefined);
    expect(list).toEqual({ ok: true, value: { connections: [view] } });
    expect(JSON.stringify([selected, list])).not.toMatch(/secret-|accessToken|refreshToken/);
  });

  test('a page the contract schema itself produced crosses as it is; any other is checked', async () => {
    const parsed = parseVouched(r2ListPageSchema, { rows: [seedListRow], total: 1 });
    if (!parsed.success) throw new Error('the seed row is a valid list row');
    const handled = { connectionId: 'c1' };
    const vouched = (async () => ok(parsed.data)) as Handlers['r2.customers.list'];
    const { router } = routerWith({ 'r2.customers.list': vouched });
    const answer = await router.handle('r2.customers.list', app, handled);
    expect(answer.ok && answer.value).toBe(parsed.data);

    const leaky = { rows: [{ ...seedListRow, accessToken: 'secret-access-token-1234' }], total: 1 };
    const unvouched = (async () => ok(leaky)) as Handlers['r2.customers.list'];
    const second = routerWith({ 'r2.customers.list': unvouched }).router;
    const checked = await second.handle('r2.customers.list', app, handled);
    expect(checked).toEqual({ ok: true, value: { rows: [seedListRow], total: 1 } });
  });

  test('whatever arrives, it answers a well-formed Result and never throws', async () => {
    const { router } = routerWith(
      Object.fromEntries(
        channels.map((channel, i) => [
          channel,
          async () => {
            if (i % 3 === 0) throw new TypeError('boom');
            return i % 3 === 1 ? ok(null) : fail('network', 'offline');
          },
        ]),
      ) as Partial<Handlers>,
    );
    const channelName = fc.oneof(fc.constantFrom(...channels), fc.string());
    const sender = fc.constantFrom(app, foreign, {} as IpcSender);
    await fc.assert(
      fc.asyncProperty(channelName, sender, fc.anything(), async (channel, from, payload) => {
        const answer = await router.handle(channel, from, payload);
        if (answer.ok) return true;
        return appErrorSchema.safeParse(answer.error).success;
      }),
      { numRuns: 500 },
    );
  });
});
