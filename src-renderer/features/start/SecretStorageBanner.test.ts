// The weaker-storage banner on the start screen, rendered for real against the in-memory
// window.fieldbook: hidden when sign-ins are safe, and a consent only after a clear warning.
import { flushSync } from 'svelte';
import { afterEach, expect, test } from 'vitest';
import {
  secretsWithoutKeyring,
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
  const screen = await renderStartScreen({
    'connections.list': async () => ({ ok: true, value: { connections: [] } }),
    ...handlers,
  });
  cleanup = screen.dispose;
  return { fake: screen.fake, target: screen.target };
}

const text = visibleText;

function button(target: HTMLElement, name: RegExp): HTMLButtonElement | undefined {
  return [...target.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
}

async function click(target: HTMLElement, name: RegExp) {
  const found = button(target, name);
  if (!found) throw new Error(`no button ${name}`);
  found.click();
  await settle();
  flushSync();
}

test('without a keyring it explains why, and keeps sign-ins weaker only after a confirm', async () => {
  const secrets = secretsWithoutKeyring();
  const { target, fake } = await render(secrets.handlers);
  const banner = target.querySelector('.banner');
  expect(text(banner)).toContain('Fieldbook cannot keep your sign-ins safely yet');
  expect(text(banner)).toContain(secrets.message);

  await click(target, /^Keep sign-ins with weaker protection$/);
  // The first click only asks: nothing was accepted yet.
  expect(fake.callsTo('secrets.acceptWeakStorage')).toEqual([]);
  expect(text(banner)).toContain(
    'Anyone who can use your account on this computer could then read your sign-ins.',
  );

  await click(target, /^Cancel$/);
  expect(button(target, /Yes, use weaker protection/)).toBeUndefined();
  expect(secrets.state.accepts).toBe(0);

  await click(target, /^Keep sign-ins with weaker protection$/);
  await click(target, /^Yes, use weaker protection$/);
  expect(secrets.state.accepts).toBe(1);
  expect(target.querySelector('.banner')).toBeNull();
  expect(text(target.querySelector('.done'))).toBe('Sign-ins are now kept with weaker protection.');
});

test('when weaker storage cannot help either, it shows the reason without the button', async () => {
  const secrets = secretsWithoutKeyring(false);
  const { target } = await render(secrets.handlers);
  expect(text(target.querySelector('.banner'))).toContain(secrets.message);
  expect(button(target, /weaker protection/)).toBeUndefined();
});

test('a failed consent says why and leaves the banner in place', async () => {
  const secrets = secretsWithoutKeyring();
  const { target } = await render({
    ...secrets.handlers,
    'secrets.acceptWeakStorage': async () => ({
      ok: false,
      error: { kind: 'server', message: 'Fieldbook could not save your choice.' },
    }),
  });
  await click(target, /^Keep sign-ins with weaker protection$/);
  await click(target, /^Yes, use weaker protection$/);
  expect(text(target.querySelector('.banner .error'))).toBe(
    'Fieldbook could not save your choice.',
  );
  expect(button(target, /^Yes, use weaker protection$/)?.disabled).toBe(false);
});

test.each(['keychain', 'safe_storage', 'weak', 'memory'] as const)(
  'with sign-ins kept in %s storage there is no banner',
  async (store) => {
    const { target, fake } = await render({
      'secrets.status': async () => ({ ok: true, value: { store } }),
    });
    expect(fake.callsTo('secrets.status')).toHaveLength(1);
    expect(target.querySelector('.banner')).toBeNull();
    expect(text(target)).not.toMatch(/weaker protection/);
  },
);
