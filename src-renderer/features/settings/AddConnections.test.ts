// Settings for real in Chromium over the fake window.fieldbook: adding either kind of connection,
// every field validated as typed, the Revnue token checked before anything is saved; axe on each
// state. Each connection's own settings: ConnectionSettings.test.ts.
import axe from 'axe-core';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import type { ConnectionView } from '../../../src-shared/connection';
import {
  r2Connection,
  revnueConnection,
  type FakeHandlers,
} from '../../lib/test-support/fake-fieldbook';
import SettingsScreen from './SettingsScreen.svelte';
import { button, field, renderScreen, settled, text, type } from './test-support/screen-world';

let world: Awaited<ReturnType<typeof renderScreen>> | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

async function render(connections: ConnectionView[], handlers: FakeHandlers = {}) {
  world = await renderScreen(SettingsScreen, { connections, handlers });
  return world;
}

async function noAxeViolations() {
  const results = await axe.run(world!.target);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

describe('Add Revnue connection', () => {
  test('checks the token before saving: a wrong token says so and saves nothing', async () => {
    let accept = false;
    const { target, fake } = await render([revnueConnection()], {
      'auth.checkRevnueToken': async () =>
        accept
          ? {
              ok: true,
              value: [
                { id: 1, name: 'Acme' },
                { id: 7, name: 'Acme Export' },
              ],
            }
          : { ok: false, error: { kind: 'auth', message: 'Revnue refused this API token.' } },
      'connections.create': async () => ({ ok: true, value: revnueConnection({ id: 'rv-2' }) }),
      'auth.setToken': async () => ({ ok: true, value: { state: 'signed_in' } }),
    });
    button(target, 'Add Revnue connection').click();
    flushSync();
    const form = target.querySelector('form[aria-labelledby="add-revnue-heading"]')!;
    // Validated as typed, in words.
    type(field(form, 'Base URL'), 'dashboard-api');
    expect(text(form.querySelector('#revnue-base-url-message'))).toBe(
      'Enter a full address such as https://api.example.com/',
    );
    type(field(form, 'Base URL'), 'http://dashboard-api.revnue.com/api/v2/');
    expect(text(form.querySelector('#revnue-base-url-message'))).toMatch(/must start with https/);
    type(field(form, 'API token'), 'x');
    type(field(form, 'API token'), '');
    expect(text(form.querySelector('#revnue-token-message'))).toBe('Paste the API token');
    button(form, 'Check token').click();
    await settled();
    expect(text(form.querySelector('#revnue-name-message'))).toBe('Name is required');
    expect(fake.callsTo('auth.checkRevnueToken')).toEqual([]);
    await noAxeViolations();

    type(field(form, 'Name'), 'Acme Revnue');
    type(field(form, 'Base URL'), 'https://dashboard-api.revnue.com/api/v2/');
    type(field(form, 'API token'), 'rvn_wrong');
    button(form, 'Check token').click();
    await settled();
    expect(text(form.querySelector('[role="alert"]'))).toBe('Revnue refused this API token.');
    expect(form.querySelector('#revnue-company')).toBeNull();
    expect(fake.callsTo('connections.create')).toEqual([]);

    accept = true;
    type(field(form, 'API token'), 'rvn_right');
    button(form, 'Check token').click();
    await settled();
    expect(fake.callsTo('auth.checkRevnueToken').at(-1)).toEqual({
      baseUrl: 'https://dashboard-api.revnue.com/api/v2/',
      token: 'rvn_right',
    });
    const company = field(form, 'Company') as unknown as HTMLSelectElement;
    expect([...company.options].map((o) => o.text)).toEqual([
      'Choose a company',
      'Acme',
      'Acme Export',
    ]);
    button(form, 'Save connection').click();
    await settled();
    expect(text(form.querySelector('#revnue-company-message'))).toBe(
      'Choose the company to work in',
    );
    expect(fake.callsTo('connections.create')).toEqual([]);
    await noAxeViolations();
    company.value = '7';
    company.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    button(form, 'Save connection').click();
    await settled();
    expect(fake.callsTo('connections.create')).toEqual([
      {
        kind: 'revnue-v2',
        name: 'Acme Revnue',
        baseUrl: 'https://dashboard-api.revnue.com/api/v2/',
        auth: { mode: 'admin_token' },
        company: 7,
      },
    ]);
    expect(fake.callsTo('auth.setToken')).toEqual([{ connectionId: 'rv-2', token: 'rvn_right' }]);
    expect(target.querySelector('form[aria-labelledby="add-revnue-heading"]')).toBeNull();
  });
});

describe('Add Unibiz R2 connection', () => {
  test('by issuer with the browser sign-in, every field validated as typed', async () => {
    const { target, fake } = await render([revnueConnection()], {
      'connections.create': async () => ({ ok: true, value: r2Connection({ id: 'r2-9' }) }),
      'auth.signIn': async () => ({ ok: true, value: { state: 'signed_in' } }),
    });
    button(target, 'Add Unibiz R2 connection').click();
    flushSync();
    const form = target.querySelector('form[aria-labelledby="add-r2-heading"]')!;
    type(field(form, 'Issuer'), 'not a url');
    expect(text(form.querySelector('#r2-issuer-message'))).toBe(
      'Enter a full address such as https://api.example.com/',
    );
    type(field(form, 'Client ID'), 'a');
    type(field(form, 'Client ID'), ' ');
    expect(text(form.querySelector('#r2-clientId-message'))).toBe('Client ID is required');
    button(form, 'Sign in with browser').click();
    await settled();
    expect(text(form.querySelector('#r2-name-message'))).toBe('Name is required');
    expect(text(form.querySelector('#r2-baseUrl-message'))).toBe(
      'Enter a full address such as https://api.example.com/',
    );
    expect(fake.callsTo('connections.create')).toEqual([]);
    await noAxeViolations();

    type(field(form, 'Name'), 'Rentals R2');
    type(field(form, 'Base URL'), 'https://r2.example.com/api/');
    type(field(form, 'Issuer'), 'https://login.example.com/');
    type(field(form, 'Client ID'), 'fieldbook-desktop');
    button(form, 'Sign in with browser').click();
    await settled();
    expect(fake.callsTo('connections.create')).toEqual([
      {
        kind: 'r2',
        name: 'Rentals R2',
        baseUrl: 'https://r2.example.com/api/',
        auth: {
          mode: 'pkce',
          clientId: 'fieldbook-desktop',
          issuer: 'https://login.example.com/',
        },
      },
    ]);
    expect(fake.callsTo('auth.signIn')).toEqual([{ connectionId: 'r2-9' }]);
  });

  test('typed endpoints with a service client and its secret', async () => {
    const { target, fake } = await render([revnueConnection()], {
      'connections.create': async () => ({ ok: true, value: r2Connection({ id: 'r2-9' }) }),
      'auth.signInService': async () => ({ ok: true, value: { state: 'signed_in' } }),
    });
    button(target, 'Add Unibiz R2 connection').click();
    flushSync();
    const form = target.querySelector('form[aria-labelledby="add-r2-heading"]')!;
    field(form, 'Type the endpoints').click();
    field(form, 'As a service client with a secret').click();
    flushSync();
    expect(form.querySelector('#r2-issuer')).toBeNull();
    expect(form.querySelector('#r2-authorizationEndpoint')).toBeNull();
    type(field(form, 'Token endpoint'), 'ftp://login.example.com/token');
    expect(text(form.querySelector('#r2-tokenEndpoint-message'))).toMatch(/must start with https/);
    button(form, 'Sign in').click();
    await settled();
    expect(text(form.querySelector('#r2-clientSecret-message'))).toBe('Client secret is required');
    expect(fake.callsTo('connections.create')).toEqual([]);
    await noAxeViolations();

    type(field(form, 'Name'), 'R2 service');
    type(field(form, 'Base URL'), 'https://r2.example.com/api/');
    type(field(form, 'Token endpoint'), 'https://login.example.com/token');
    type(field(form, 'Client ID'), 'svc');
    type(field(form, 'Client secret'), 's3cret');
    button(form, 'Sign in').click();
    await settled();
    expect(fake.callsTo('connections.create')).toEqual([
      {
        kind: 'r2',
        name: 'R2 service',
        baseUrl: 'https://r2.example.com/api/',
        auth: {
          mode: 'client_credentials',
          clientId: 'svc',
          tokenEndpoint: 'https://login.example.com/token',
        },
      },
    ]);
    expect(fake.callsTo('auth.signInService')).toEqual([
      { connectionId: 'r2-9', clientSecret: 's3cret' },
    ]);
  });
});
