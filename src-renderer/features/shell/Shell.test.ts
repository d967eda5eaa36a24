// The whole window (App.svelte) mounted for real in Chromium over the in-memory window.fieldbook
// and the real IndexedDB store: first run, the shell's names, and the Revnue form's token check.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, expect, test } from 'vitest';
import App from '../../App.svelte';
import {
  createFakeFieldbook,
  r2Connection,
  revnueConnection,
  settle,
  type FakeHandlers,
} from '../../lib/test-support/fake-fieldbook';

let component: ReturnType<typeof mount> | undefined;
afterEach(async () => {
  if (component) await unmount(component);
  component = undefined;
  document.body.replaceChildren();
});

async function renderApp(handlers: FakeHandlers) {
  const fake = createFakeFieldbook({
    'secrets.status': async () => ({ ok: true, value: { store: 'memory' } }),
    'revnue.customers.list': async () => ({ ok: true, value: [] }),
    'revnue.customers.listOpen': async () => ({ ok: true, value: { cursor: 'c-1' } }),
    'revnue.customers.listNext': async () => ({
      ok: true,
      value: { customers: [], done: true },
    }),
    ...handlers,
  });
  (window as unknown as { fieldbook: unknown }).fieldbook = fake.api;
  const target = document.body.appendChild(document.createElement('div'));
  component = mount(App, { target });
  await settle();
  await settle();
  flushSync();
  return { fake, target };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (target: Element, name: string) => {
  const found = [...target.querySelectorAll('button')].find((b) => text(b) === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};

test('a first run shows the welcome with Try the sandbox, not the shell', async () => {
  const { target } = await renderApp({
    'connections.list': async () => ({ ok: true, value: { connections: [] } }),
  });
  expect(button(target, 'Try the sandbox')).toBeTruthy();
  expect(target.querySelector('nav')).toBeNull();
});

test('with connections the shell has the three links, the Connection switcher and the Sync status', async () => {
  const { target } = await renderApp({
    'connections.list': async () => ({
      ok: true,
      value: { connections: [revnueConnection(), r2Connection({ authState: 'signed_out' })] },
    }),
  });
  const links = [...target.querySelectorAll('nav a')].map((a) => text(a));
  expect(links).toEqual(['Customers', 'Changes', 'Settings']);
  const select = target.querySelector<HTMLSelectElement>('#connection-switcher');
  expect(text(target.querySelector('label[for="connection-switcher"]'))).toBe('Connection');
  expect(select?.value).toBe('rv-1');
  const status = target.querySelector('[role="status"][aria-label="Sync status"]');
  expect(text(status)).toContain('No changes waiting');
  expect(text(status)).toContain('Signed in');
  expect(button(target, 'Sync now')).toBeTruthy();

  (target.querySelector('nav a[href="#settings"]') as HTMLAnchorElement).click();
  flushSync();
  expect(text(target.querySelector('h1'))).toBe('Settings');
  expect(target.querySelectorAll('li.connection')).toHaveLength(2);
  expect(button(target, 'Add Revnue connection')).toBeTruthy();
  expect(button(target, 'Add Unibiz R2 connection')).toBeTruthy();
});

test('Add Revnue connection checks the token first, then saves in the chosen company', async () => {
  const { target, fake } = await renderApp({
    'connections.list': async () => ({ ok: true, value: { connections: [revnueConnection()] } }),
    'auth.checkRevnueToken': async () => ({
      ok: true,
      value: [
        { id: 1, name: 'Acme' },
        { id: 2, name: 'Acme Export' },
      ],
    }),
    'connections.create': async () => ({
      ok: true,
      value: revnueConnection({ id: 'rv-2', company: 2 }),
    }),
    'auth.setToken': async () => ({ ok: true, value: { state: 'signed_in' } }),
  });
  (target.querySelector('nav a[href="#settings"]') as HTMLAnchorElement).click();
  flushSync();
  button(target, 'Add Revnue connection').click();
  flushSync();
  const type = (id: string, value: string) => {
    const input = target.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
  };
  type('revnue-base-url', 'ftp://nowhere');
  expect(text(target.querySelector('#revnue-base-url-message'))).toMatch(/full address|https/);
  type('revnue-name', 'Acme Revnue');
  type('revnue-base-url', 'https://dashboard-api.revnue.com/api/v2/');
  type('revnue-token', 'rvn_secret');
  button(target, 'Check token').click();
  await settle();
  flushSync();
  expect(fake.callsTo('auth.checkRevnueToken')).toEqual([
    { baseUrl: 'https://dashboard-api.revnue.com/api/v2/', token: 'rvn_secret' },
  ]);
  expect(fake.callsTo('connections.create')).toEqual([]);
  const company = target.querySelector<HTMLSelectElement>('#revnue-company')!;
  company.value = '2';
  company.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
  button(target, 'Save connection').click();
  await settle();
  await settle();
  expect(fake.callsTo('connections.create')).toEqual([
    {
      kind: 'revnue-v2',
      name: 'Acme Revnue',
      baseUrl: 'https://dashboard-api.revnue.com/api/v2/',
      auth: { mode: 'admin_token' },
      company: 2,
    },
  ]);
  expect(fake.callsTo('auth.setToken')).toEqual([{ connectionId: 'rv-2', token: 'rvn_secret' }]);
});
