// The R2 form's scopes for real in Chromium over the fake window.fieldbook: offered as checkboxes
// from what the issuer lists (main's `auth.offeredScopes`), the API scopes and offline_access
// ticked; free text, with the reason in words, when nothing is listed or the list cannot be read.
import axe from 'axe-core';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import type { Result } from '../../../../../../src-shared/ipc/result';
import {
  r2Connection,
  revnueConnection,
  type FakeHandlers,
} from '../../../../test-support/fake-fieldbook';
import SettingsScreen from '../../../../../features/settings/SettingsScreen.svelte';
import {
  button,
  field,
  renderScreen,
  settled,
  text,
  type,
} from '../../../../../features/settings/test-support/screen-world';

let world: Awaited<ReturnType<typeof renderScreen>> | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const sandboxScopes = ['openid', 'offline_access', 'customers'];
const listing = (scopes: string[]) => async (): Promise<Result<{ scopes: string[] }>> => ({
  ok: true,
  value: { scopes },
});

async function openForm(handlers: FakeHandlers) {
  world = await renderScreen(SettingsScreen, {
    connections: [revnueConnection()],
    handlers: {
      'connections.create': async () => ({ ok: true, value: r2Connection({ id: 'r2-9' }) }),
      'auth.signIn': async () => ({ ok: true, value: { state: 'signed_in' } }),
      'auth.signInService': async () => ({ ok: true, value: { state: 'signed_in' } }),
      ...handlers,
    },
  });
  button(world.target, 'Add Unibiz R2 connection').click();
  flushSync();
  return { form: world.target.querySelector('form[aria-labelledby="add-r2-heading"]')!, world };
}

function fillAll(form: Element, issuer: string) {
  type(field(form, 'Name'), 'Rentals R2');
  type(field(form, 'Base URL'), 'https://r2.example.com/api/');
  type(field(form, 'Issuer'), issuer);
  type(field(form, 'Client ID'), 'fieldbook-desktop');
}

/** Leaves the field after typing, as a person tabbing on would: the browser's `change`. */
async function commit(input: HTMLInputElement) {
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settled();
}

function scopeBoxes(form: Element) {
  const group = [...form.querySelectorAll('fieldset')].find(
    (set) => text(set.querySelector('legend')) === 'Scopes',
  );
  return [...(group?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])].map(
    (box) => ({ name: text(box.closest('label')), ticked: box.checked }),
  );
}

async function noAxeViolations() {
  const results = await axe.run(world!.target);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

describe('Add Unibiz R2 connection: scopes', () => {
  test('offers the issuer’s scopes with the API scope and offline_access ticked, and signs in with them', async () => {
    const { form, world } = await openForm({ 'auth.offeredScopes': listing(sandboxScopes) });
    fillAll(form, 'https://login.example.com/');
    await commit(field(form, 'Issuer'));
    expect(world.fake.callsTo('auth.offeredScopes')).toEqual([
      { issuer: 'https://login.example.com/' },
    ]);
    expect(scopeBoxes(form)).toEqual([
      { name: 'openid', ticked: false },
      { name: 'offline_access', ticked: true },
      { name: 'customers', ticked: true },
    ]);
    expect(form.querySelector('#r2-scope')).toBeNull();
    const group = form.querySelector('fieldset[aria-describedby="r2-scopes-hint"]');
    expect(text(form.querySelector('#r2-scopes-hint'))).toBe(
      'The sign-in server offers these. Fieldbook ticked the ones it needs (offline_access keeps you signed in); change them only if your administrator says so.',
    );
    expect(group).not.toBeNull();
    await noAxeViolations();

    // Leaving the field again with the same issuer asks nothing new.
    await commit(field(form, 'Issuer'));
    expect(world.fake.callsTo('auth.offeredScopes')).toHaveLength(1);

    button(form, 'Sign in with browser').click();
    await settled();
    expect(world.fake.callsTo('connections.create')).toEqual([
      {
        kind: 'r2',
        name: 'Rentals R2',
        baseUrl: 'https://r2.example.com/api/',
        auth: {
          mode: 'pkce',
          clientId: 'fieldbook-desktop',
          issuer: 'https://login.example.com/',
          scope: 'offline_access customers',
        },
      },
    ]);
  });

  test('the user may change the ticks; a service client is offered no offline_access', async () => {
    const { form, world } = await openForm({ 'auth.offeredScopes': listing(sandboxScopes) });
    field(form, 'As a service client with a secret').click();
    flushSync();
    fillAll(form, 'https://login.example.com/');
    type(field(form, 'Client secret'), 's3cret');
    await commit(field(form, 'Issuer'));
    expect(scopeBoxes(form)).toEqual([
      { name: 'openid', ticked: false },
      { name: 'customers', ticked: true },
    ]);
    expect(text(form.querySelector('#r2-scopes-hint'))).not.toContain('offline_access');
    field(form, 'openid').click();
    flushSync();
    expect(scopeBoxes(form)).toEqual([
      { name: 'openid', ticked: true },
      { name: 'customers', ticked: true },
    ]);
    await noAxeViolations();
    button(form, 'Sign in').click();
    await settled();
    expect(world.fake.callsTo('connections.create')).toEqual([
      {
        kind: 'r2',
        name: 'Rentals R2',
        baseUrl: 'https://r2.example.com/api/',
        auth: {
          mode: 'client_credentials',
          clientId: 'fieldbook-desktop',
          issuer: 'https://login.example.com/',
          scope: 'openid customers',
        },
      },
    ]);
  });

  test('signing in straight after typing the issuer still asks for the offered default', async () => {
    const { form, world } = await openForm({ 'auth.offeredScopes': listing(sandboxScopes) });
    fillAll(form, 'https://login.example.com/');
    button(form, 'Sign in with browser').click();
    await settled();
    expect(world.fake.callsTo('auth.offeredScopes')).toEqual([
      { issuer: 'https://login.example.com/' },
    ]);
    expect(world.fake.callsTo('connections.create')).toMatchObject([
      { auth: { scope: 'offline_access customers' } },
    ]);
  });

  test('a server that lists no scopes, or cannot be read, leaves free text and says why', async () => {
    let answer: Result<{ scopes: string[] }> = { ok: true, value: { scopes: [] } };
    const { form, world } = await openForm({ 'auth.offeredScopes': async () => answer });
    fillAll(form, 'https://login.example.com/');
    await commit(field(form, 'Issuer'));
    expect(scopeBoxes(form)).toEqual([]);
    expect(text(form.querySelector('#r2-scope-message'))).toBe(
      'The sign-in server lists no scopes. Type one only if your administrator names one, e.g. customers.',
    );
    await noAxeViolations();

    answer = {
      ok: false,
      error: {
        kind: 'bad_response',
        message: 'The sign-in server at id.example did not describe itself as expected.',
      },
    };
    type(field(form, 'Issuer'), 'https://id.example/');
    await commit(field(form, 'Issuer'));
    expect(text(form.querySelector('#r2-scope-message'))).toBe(
      'Fieldbook could not read the scopes the sign-in server offers: The sign-in server at id.example did not describe itself as expected. Type one only if your administrator names one, e.g. customers.',
    );
    await noAxeViolations();
    type(field(form, 'Scope (optional)'), ' customers ');
    button(form, 'Sign in with browser').click();
    await settled();
    expect(world.fake.callsTo('connections.create')).toMatchObject([
      { auth: { issuer: 'https://id.example/', scope: 'customers' } },
    ]);
  });

  test('typed endpoints keep the free text field and ask main nothing', async () => {
    const { form, world } = await openForm({ 'auth.offeredScopes': listing(sandboxScopes) });
    fillAll(form, 'https://login.example.com/');
    await commit(field(form, 'Issuer'));
    expect(scopeBoxes(form)).toHaveLength(3);
    field(form, 'Type the endpoints').click();
    flushSync();
    expect(scopeBoxes(form)).toEqual([]);
    expect(text(form.querySelector('#r2-scope-message'))).toBe(
      'Only if your administrator names one, e.g. customers.',
    );
    // Back to the issuer: its scopes again, without asking twice for the same issuer.
    field(form, 'By issuer').click();
    await settled();
    expect(scopeBoxes(form)).toHaveLength(3);
    expect(world.fake.callsTo('auth.offeredScopes')).toHaveLength(2);
  });

  test('an answer for an issuer the user has since changed is not shown', async () => {
    let answerFirst: (value: Result<{ scopes: string[] }>) => void = () => {};
    const { form } = await openForm({
      'auth.offeredScopes': ({ issuer }) =>
        issuer === 'https://old.example/'
          ? new Promise((resolve) => (answerFirst = resolve))
          : listing(['orders'])(),
    });
    fillAll(form, 'https://old.example/');
    await commit(field(form, 'Issuer'));
    expect(text(form.querySelector('[role="status"]'))).toBe(
      'Reading the scopes the sign-in server offers…',
    );
    type(field(form, 'Issuer'), 'https://new.example/');
    await commit(field(form, 'Issuer'));
    answerFirst({ ok: true, value: { scopes: sandboxScopes } });
    await settled();
    expect(scopeBoxes(form)).toEqual([{ name: 'orders', ticked: true }]);
  });
});
