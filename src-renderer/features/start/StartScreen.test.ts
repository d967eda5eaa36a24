// The start screen rendered for real (Svelte's mount in Chromium) against the in-memory
// window.fieldbook: what a person sees before and after Try the sandbox, and adding by hand.
import { flushSync } from 'svelte';
import { afterEach, expect, test } from 'vitest';
import {
  r2Connection,
  revnueConnection,
  settle,
  type FakeHandlers,
} from '../../lib/test-support/fake-fieldbook';
import { renderStartScreen, visibleText } from './test-support/render-start-screen';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.replaceChildren();
});

async function render(handlers: FakeHandlers) {
  const { dispose, ...screen } = await renderStartScreen(handlers);
  cleanup = dispose;
  return screen;
}

const text = visibleText;

function button(target: HTMLElement, name: RegExp): HTMLButtonElement {
  const found = [...target.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

test('with no connections it welcomes, offers Try the sandbox, and then gives way to the shell', async () => {
  const { target } = await render({
    'connections.list': async () => ({ ok: true, value: { connections: [] } }),
    'sandbox.tryIt': async () => ({
      ok: true,
      value: { connections: [revnueConnection(), r2Connection()] },
    }),
  });
  expect(text(target)).toContain('Fieldbook keeps your customers with you, online or not');
  expect(target.querySelector('nav')).toBeNull();
  const tryIt = button(target, /Try the sandbox/);

  tryIt.click();
  flushSync();
  expect(tryIt.disabled).toBe(true);
  expect(tryIt.getAttribute('aria-busy')).toBe('true');
  expect(target.querySelector('[role="status"]')?.textContent).toContain('Starting the sandbox');

  await settle();
  flushSync();
  const links = [...target.querySelectorAll('nav a')].map((a) => text(a));
  expect(links).toEqual(['Customers', 'Changes', 'Settings']);
  const options = [...target.querySelectorAll('#connection-switcher option')].map((o) => text(o));
  expect(options.join(' | ')).toMatch(/Sandbox – Revnue.*\|.*Sandbox – Unibiz R2/);
});

test('a failed Try the sandbox shows why and can be clicked again', async () => {
  const { target } = await render({
    'connections.list': async () => ({ ok: true, value: { connections: [] } }),
    'sandbox.tryIt': async () => ({
      ok: false,
      error: { kind: 'server', message: 'The sandbox could not start: no free port' },
    }),
  });
  button(target, /Try the sandbox/).click();
  await settle();
  flushSync();
  expect(target.querySelector('.error')?.textContent).toBe(
    'The sandbox could not start: no free port',
  );
  expect(target.querySelector('.error')?.getAttribute('role')).toBe('status');
  expect(button(target, /Try the sandbox/).disabled).toBe(false);
});

test('a first run can add a company account by hand: the Revnue form checks the token first', async () => {
  const { target, fake } = await render({
    'connections.list': async () => ({ ok: true, value: { connections: [] } }),
  });
  expect(button(target, /^Add Unibiz R2 connection$/)).toBeTruthy();
  button(target, /^Add Revnue connection$/).click();
  flushSync();
  const labels = [...target.querySelectorAll('label')].map((l) => text(l));
  expect(labels.some((l) => l.startsWith('Base URL'))).toBe(true);
  expect(labels.some((l) => l.startsWith('API token'))).toBe(true);
  // Nothing is saved by opening the form.
  expect(fake.callsTo('connections.create')).toEqual([]);
});
