// links.open through main's real router and services: the window sends a raw field value, main
// composes the link and launches exactly that — or refuses in words and launches nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createAbandoningBrowser } from '../auth/test-support/form-filling-browser';
import { createIpcRouter } from '../ipc/router';
import { createMemorySecretStore } from '../secrets/secret-store';
import { systemClock } from '../../src-shared/time/clock';
import { fail, ok } from '../../src-shared/ipc/result';
import { createMainServices, type MainServices } from './create-main-services';
import { composeCustomerLink, type LinkLauncher } from './links-handlers';

let dir = '';
let services: MainServices | undefined;
const launched = vi.fn(async (_href: string) => ok(null));

beforeEach(async () => {
  launched.mockClear();
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-links-'));
});
afterEach(async () => {
  await services?.close();
  services = undefined;
  await rm(dir, { recursive: true, force: true });
});

function world(openLink: LinkLauncher | null = launched) {
  services = createMainServices({
    userDataDir: dir,
    secrets: createMemorySecretStore(),
    browser: createAbandoningBrowser(),
    clock: systemClock,
    log: () => {},
    ...(openLink ? { openLink } : {}),
  });
  const router = createIpcRouter({ handlers: services.handlers, isTrustedSender: () => true });
  return (payload: unknown) => router.handle('links.open', { url: 'test://links/' }, payload);
}

describe('links.open', () => {
  test.each([
    ['website', 'www.acme.example', 'https://www.acme.example/'],
    ['website', '  https://Acme.example/about?x=1 ', 'https://acme.example/about?x=1'],
    ['email', ' ann@acme.example ', 'mailto:ann@acme.example'],
  ])('%s %j launches exactly %j', async (kind, value, href) => {
    const open = world();
    expect(await open({ kind, value })).toEqual({ ok: true, value: null });
    expect(launched.mock.calls).toEqual([[href]]);
  });

  test.each([
    ['website', 'javascript:alert(1)'],
    ['website', 'file:///etc/passwd'],
    ['website', 'http://acme.example'],
    ['website', 'https://user:pw@acme.example'],
    ['website', 'https://xn--80ak6aa92e.com'],
    ['website', 'ann@acme.example'],
    ['website', ''],
    ['email', 'ann@acme.example?bcc=eve@evil.example'],
    ['email', 'ann%0abcc=eve@acme.example'],
    ['email', 'https://acme.example'],
    ['email', ''],
  ])('%s %j is refused in words, nothing launched', async (kind, value) => {
    const open = world();
    const answer = await open({ kind, value });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!answer.ok) {
      expect(answer.error.message).toMatch(kind === 'website' ? /website/ : /e-mail/);
    }
    expect(launched).not.toHaveBeenCalled();
  });

  test.each([
    { kind: 'url', value: 'https://acme.example' },
    { kind: 'website', value: 'acme.example', href: 'https://evil.example/' },
    { kind: 'website' },
    { kind: 'website', value: 42 },
    { kind: 'website', value: 'a'.repeat(5_000) },
    'https://evil.example/',
    undefined,
  ])('a payload outside the contract (%j) is a validation error', async (payload) => {
    const open = world();
    expect(await open(payload)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(launched).not.toHaveBeenCalled();
  });

  test('without a launcher (a build that cannot open links) it says so', async () => {
    const open = world(null);
    const answer = await open({ kind: 'website', value: 'acme.example' });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'server' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/cannot open links/);
  });

  test('a launcher failure reaches the window as its Result', async () => {
    const open = world(async () => fail('network', 'no browser'));
    expect(await open({ kind: 'email', value: 'ann@acme.example' })).toEqual({
      ok: false,
      error: { kind: 'network', message: 'no browser' },
    });
  });
});

test('composeCustomerLink agrees with the composers and only answers https:/mailto:', () => {
  expect(composeCustomerLink('website', 'acme.example')).toBe('https://acme.example/');
  expect(composeCustomerLink('email', 'acme.example')).toBeNull();
  expect(composeCustomerLink('website', 'mailto:ann@acme.example')).toBeNull();
  expect(composeCustomerLink('email', 'mailto:ann@acme.example')).toBeNull();
});

describe('links.open of a postal address (Open in maps)', () => {
  test('launches exactly the OpenStreetMap search main composed', async () => {
    const open = world();
    const answer = await open({ kind: 'address', value: ' Hauptstr. 1,\n10115 Berlin ' });
    expect(answer).toEqual({ ok: true, value: null });
    expect(launched.mock.calls).toEqual([
      ['https://www.openstreetmap.org/search?query=Hauptstr.%201%2C%2010115%20Berlin'],
    ]);
  });

  test.each([
    ['javascript:alert(1)', 'javascript%3Aalert(1)'],
    ['https://evil.example/#x', 'https%3A%2F%2Fevil.example%2F%23x'],
    ['a&layers=evil', 'a%26layers%3Devil'],
  ])('a hostile address %j is only ever the search query', async (value, query) => {
    const open = world();
    expect(await open({ kind: 'address', value })).toEqual({ ok: true, value: null });
    expect(launched.mock.calls).toEqual([[`https://www.openstreetmap.org/search?query=${query}`]]);
  });

  test.each(['', '  \n ', 'x'.repeat(501)])('%j is refused in words', async (value) => {
    const open = world();
    const answer = await open({ kind: 'address', value });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/no map was opened/);
    expect(launched).not.toHaveBeenCalled();
  });
});
