// The start screen rendered for real (Svelte's mount in Chromium) against the in-memory
// window.fieldbook: what a person sees before and after Try the sandbox.
import type { R2ListRow } from '../../../src-shared/api/r2';
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

test('with no connections it welcomes, offers Try the sandbox, and then lists both connections', async () => {
  const { target, fake, connections } = await render({
    'connections.list': async () => ({ ok: true, value: { connections: [] } }),
    'sandbox.tryIt': async () => ({
      ok: true,
      value: { connections: [revnueConnection(), r2Connection()] },
    }),
    'revnue.customers.list': async () => ({ ok: true, value: [] }),
  });
  expect(text(target)).toContain('Fieldbook keeps your customers with you, online or not');
  expect(text(target)).toContain('Settings, which is not built yet');
  const tryIt = button(target, /Try the sandbox/);

  tryIt.click();
  flushSync();
  expect(tryIt.disabled).toBe(true);
  expect(tryIt.getAttribute('aria-busy')).toBe('true');
  expect(target.querySelector('[role="status"]')?.textContent).toContain('Starting the sandbox');

  await settle();
  flushSync();
  const items = [...target.querySelectorAll('li')].map((li) => text(li));
  expect(items).toHaveLength(2);
  expect(items[0]).toMatch(/Sandbox – Revnue.*Revnue API v2.*127\.0\.0\.1:4010.*Signed in.*Active/);
  expect(items[1]).toMatch(/Sandbox – Unibiz R2.*Unibiz R2.*Signing in…/);
  expect(text(target.querySelector('.count'))).toBe('0 customers');

  // The background R2 sign-in finishes: main announces it and the badge follows, unasked.
  fake.emit('auth.changed', { connectionId: 'r2-1', state: 'signed_in' });
  flushSync();
  expect(connections.connections[1]?.authState).toBe('signed_in');
  expect(fake.callsTo('auth.status')).toEqual([]);
  expect(target.querySelectorAll('[data-auth-state="signed_in"]')).toHaveLength(2);
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

test('choosing a connection makes it active and counts its customers', async () => {
  const { target, fake } = await render({
    'connections.list': async () => ({
      ok: true,
      value: { connections: [revnueConnection(), r2Connection({ authState: 'signed_in' })] },
    }),
    'connections.select': async () => ({
      ok: true,
      value: r2Connection({ authState: 'signed_in', active: true }),
    }),
    'revnue.customers.list': async () => ({ ok: true, value: [] }),
    'r2.customers.list': async () => ({
      ok: true,
      value: {
        rows: [{ recordid: 'R-1' } as R2ListRow, { recordid: 'R-1' } as R2ListRow],
        total: 2,
      },
    }),
  });
  const radios = target.querySelectorAll<HTMLInputElement>('input[type="radio"]');
  expect([...radios].map((r) => r.checked)).toEqual([true, false]);
  radios[1]?.click();
  await settle();
  flushSync();
  expect(fake.callsTo('connections.select')).toEqual([{ id: 'r2-1' }]);
  // Counted once, although the active connection was replaced twice (at the click, and by
  // main's answer).
  expect(fake.callsTo('r2.customers.list')).toHaveLength(1);
  expect([...radios].map((r) => r.checked)).toEqual([false, true]);
  expect(target.querySelector('.source')?.textContent).toBe('Sandbox – Unibiz R2');
  expect(text(target.querySelector('.count'))).toBe('1 customer');
});
