// Each connection in Settings, for real in Chromium over the fake window.fieldbook and a real
// IndexedDB store: rename, sign out and in again, delete (warns with the waiting count, removes the
// local data), the offline scope, withdrawing the weak-storage consent; axe on every state.
import axe from 'axe-core';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import type { ConnectionView } from '../../../src-shared/connection';
import { revnueDescriptor } from '../../../src-shared/connectors';
import { revnueCase } from '../../lib/db/test-support/store-cases';
import {
  r2Connection,
  revnueConnection,
  secretsWithoutKeyring,
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

const card = (name: string) => {
  const found = [...world!.target.querySelectorAll('li.connection')].find(
    (li) => text(li.querySelector('h3')) === name,
  );
  if (!found) throw new Error(`no connection “${name}”`);
  return found as HTMLElement;
};
const dialog = () => document.querySelector<HTMLDialogElement>('dialog[open]');
/** The open dialog, once it opened (the count it shows is read from IndexedDB first). */
async function opened(): Promise<HTMLDialogElement> {
  await expect.poll(dialog).not.toBeNull();
  flushSync();
  return dialog()!;
}

describe('each connection', () => {
  test('rename (validated as typed), sign out, and sign in again with a token or the browser', async () => {
    let current = [revnueConnection(), r2Connection({ authState: 'signed_out' })];
    const change = (id: string, patch: Partial<ConnectionView>) => {
      current = current.map((c) => (c.id === id ? ({ ...c, ...patch } as ConnectionView) : c));
      world!.announce(current);
      return current.find((c) => c.id === id)!;
    };
    const { fake } = await render(current, {
      'connections.rename': async ({ id, name }) => ({ ok: true, value: change(id, { name }) }),
      'auth.signOut': async ({ connectionId }) => {
        world!.fake.emit('auth.changed', { connectionId, state: 'signed_out' });
        return { ok: true, value: { state: 'signed_out' } };
      },
      'auth.setToken': async ({ connectionId, token }) =>
        token === 'rvn_new'
          ? (world!.fake.emit('auth.changed', { connectionId, state: 'signed_in' }),
            { ok: true, value: { state: 'signed_in' } })
          : { ok: false, error: { kind: 'auth', message: 'Revnue refused this API token.' } },
      'auth.signIn': async ({ connectionId }) => {
        world!.fake.emit('auth.changed', { connectionId, state: 'signed_in' });
        return { ok: true, value: { state: 'signed_in' } };
      },
    });
    await noAxeViolations();
    const revnue = card('Sandbox – Revnue');
    type(field(revnue, 'Connection name'), '  ');
    expect(text(revnue.querySelector('#rename-rv-1-message'))).toBe('Name is required');
    expect(button(revnue, 'Rename').disabled).toBe(true);
    type(field(revnue, 'Connection name'), 'Field sales');
    button(revnue, 'Rename').click();
    await settled();
    expect(fake.callsTo('connections.rename')).toEqual([{ id: 'rv-1', name: 'Field sales' }]);
    const renamed = card('Field sales');

    button(renamed, 'Sign out').click();
    // Sign-out first counts the connection's waiting changes in IndexedDB (none here: no dialog).
    await expect.poll(() => fake.callsTo('auth.signOut')).toEqual([{ connectionId: 'rv-1' }]);
    await settled();
    expect(() => button(renamed, 'Sign out')).toThrow();
    const token = field(renamed, 'API token');
    expect(token.type).toBe('password');
    type(token, 'rvn_bad');
    button(renamed, 'Sign in').click();
    await settled();
    expect(text(renamed.querySelector('[role="alert"]'))).toBe('Revnue refused this API token.');
    type(field(renamed, 'API token'), 'rvn_new');
    button(renamed, 'Sign in').click();
    await settled();
    expect(button(renamed, 'Sign out')).toBeTruthy();

    const r2 = card('Sandbox – Unibiz R2');
    button(r2, 'Sign in with browser').click();
    await settled();
    expect(fake.callsTo('auth.signIn')).toEqual([{ connectionId: 'r2-1' }]);
    expect(button(r2, 'Sign out')).toBeTruthy();
    await noAxeViolations();
  });

  test('a service client signs in again with its client secret, which must not be empty', async () => {
    const service = r2Connection({
      id: 'r2-svc',
      name: 'R2 service',
      authState: 'signed_out',
      auth: { mode: 'client_credentials', clientId: 'svc', issuer: 'http://127.0.0.1:4010' },
    });
    const { fake } = await render([service], {
      'auth.signInService': async ({ connectionId }) => {
        world!.fake.emit('auth.changed', { connectionId, state: 'signed_in' });
        return { ok: true, value: { state: 'signed_in' } };
      },
    });
    const item = card('R2 service');
    // Its offline choice is read from IndexedDB: let that finish before the store closes.
    await expect.poll(() => item.querySelector('fieldset')?.disabled).toBe(false);
    expect(() => button(item, 'Sign in with browser')).toThrow();
    const secret = field(item, 'Client secret');
    type(secret, 'x');
    type(secret, '');
    expect(text(item.querySelector('#secret-r2-svc-message'))).toBe('Type the client secret');
    expect(button(item, 'Sign in').disabled).toBe(true);
    type(secret, 'svc-secret');
    button(item, 'Sign in').click();
    await settled();
    expect(fake.callsTo('auth.signInService')).toEqual([
      { connectionId: 'r2-svc', clientSecret: 'svc-secret' },
    ]);
    expect(button(item, 'Sign out')).toBeTruthy();
    await noAxeViolations();
  });

  test('sign out with changes waiting says how many and that they stay; Cancel keeps the sign-in', async () => {
    const { fake, store } = await render([revnueConnection()], {
      'auth.signOut': async ({ connectionId }) => {
        world!.fake.emit('auth.changed', { connectionId, state: 'signed_out' });
        return { ok: true, value: { state: 'signed_out' } };
      },
    });
    for (const name of ['Globex North', 'Globex South', 'Globex East']) {
      await store.createCustomer(revnueDescriptor, 'rv-1', revnueCase.newRecord(name));
    }
    button(card('Sandbox – Revnue'), 'Sign out').click();
    const asked = await opened();
    expect(text(asked.querySelector('h2'))).toBe('Sign out');
    expect(text(asked)).toContain(
      '3 changes wait to sync. They stay on this computer and sync when you sign in again.',
    );
    await noAxeViolations();
    button(asked, 'Cancel').click();
    await settled();
    expect(dialog()).toBeNull();
    expect(fake.callsTo('auth.signOut')).toEqual([]);

    button(card('Sandbox – Revnue'), 'Sign out').click();
    button(await opened(), 'Sign out').click();
    await expect.poll(() => fake.callsTo('auth.signOut')).toEqual([{ connectionId: 'rv-1' }]);
    await expect.poll(dialog).toBeNull();
    // Signing out keeps them: the outbox still holds all three.
    expect(await store.countWaiting('rv-1')).toBe(3);
  });

  test('delete warns with the number of changes waiting and removes the local data', async () => {
    const { target, fake, store } = await render([revnueConnection(), r2Connection()], {
      'connections.delete': async ({ id }) => {
        world!.announce([r2Connection()].filter((c) => c.id !== id));
        return { ok: true, value: null };
      },
    });
    await store.createCustomer(revnueDescriptor, 'rv-1', revnueCase.newRecord('Globex North'));
    await store.createCustomer(revnueDescriptor, 'rv-1', revnueCase.newRecord('Globex South'));
    expect(await store.countRows('rv-1')).toBe(2);

    button(card('Sandbox – Revnue'), 'Delete connection').click();
    expect(text((await opened()).querySelector('h2'))).toBe('Delete connection');
    expect(text(dialog())).toContain('2 changes are still waiting and will be lost.');
    expect(text(dialog())).toContain('Its customers are removed from this computer.');
    await noAxeViolations();
    button(dialog()!, 'Cancel').click();
    await settled();
    expect(fake.callsTo('connections.delete')).toEqual([]);
    expect(await store.countRows('rv-1')).toBe(2);

    button(card('Sandbox – Revnue'), 'Delete connection').click();
    button(await opened(), 'Delete connection').click();
    await settled();
    await expect.poll(() => store.countRows('rv-1')).toBe(0);
    expect(await store.listOutbox('rv-1')).toEqual([]);
    expect(fake.callsTo('connections.delete')).toEqual([{ id: 'rv-1' }]);
    expect(target.querySelectorAll('li.connection')).toHaveLength(1);
    expect(dialog()).toBeNull();
  });

  test('a refused delete keeps the dialog open with the reason, and the local data', async () => {
    const { fake, store } = await render([revnueConnection()], {
      'connections.delete': async () => ({
        ok: false,
        error: { kind: 'server', message: 'Fieldbook could not save its list of connections.' },
      }),
    });
    await store.createCustomer(revnueDescriptor, 'rv-1', revnueCase.newRecord('Globex'));
    button(card('Sandbox – Revnue'), 'Delete connection').click();
    expect(text(await opened())).toContain('1 change is still waiting and will be lost.');
    button(dialog()!, 'Delete connection').click();
    await settled();
    expect(text(dialog()?.querySelector('[role="alert"]'))).toBe(
      'Fieldbook could not save its list of connections.',
    );
    expect(fake.callsTo('connections.delete')).toHaveLength(1);
    expect(await store.countRows('rv-1')).toBe(1);
  });

  test('Keep offline: only where the API offers a choice; My customers needs the salesperson ID', async () => {
    const { target, store, syncNow } = await render([revnueConnection(), r2Connection()]);
    const before = await store.getMeta('r2-1');
    await store.putMeta({ ...before, pullCheckpoint: '42', lastPullAt: 5 });
    // Revnue offers one scope only: no choice shown.
    expect(card('Sandbox – Revnue').querySelector('fieldset')).toBeNull();
    const r2 = card('Sandbox – Unibiz R2');
    const legend = r2.querySelector('fieldset legend');
    expect(text(legend)).toBe('Keep offline');
    const options = [...r2.querySelectorAll<HTMLInputElement>('fieldset input[type="radio"]')];
    expect(options.map((o) => text(o.closest('label')))).toEqual([
      'All customers',
      'My customers',
      'Only customers I open',
    ]);
    expect(options[0]!.checked).toBe(true);
    expect(button(r2, 'Save offline choice').disabled).toBe(true);

    field(r2, 'My customers').click();
    flushSync();
    button(r2, 'Save offline choice').click();
    await settled();
    expect(text(r2.querySelector('#salesperson-r2-1-message'))).toBe(
      'Type your salesperson ID from R2 to keep your own customers offline',
    );
    expect((await store.getMeta('r2-1')).offlineScope).toBe('all');
    expect(syncNow).toEqual([]);
    await noAxeViolations();

    type(field(r2, 'Your salesperson ID'), ' SP-17 ');
    button(r2, 'Save offline choice').click();
    // Saved first, then the engine is woken.
    await expect.poll(() => syncNow.length).toBe(1);
    flushSync();
    expect(await store.getMeta('r2-1')).toEqual({
      ...before,
      pullCheckpoint: '42',
      lastPullAt: 5,
      offlineScope: 'mine',
      salespersonId: 'SP-17',
    });
    expect(syncNow).toEqual(['r2-1']);
    expect(text(r2.querySelector('[role="status"]'))).toBe(
      'Saved: Fieldbook keeps my customers complete offline.',
    );

    field(r2, 'Only customers I open').click();
    flushSync();
    expect(r2.querySelector('#salesperson-r2-1')).toBeNull();
    button(r2, 'Save offline choice').click();
    await expect.poll(() => syncNow.length).toBe(2);
    expect(await store.getMeta('r2-1')).toMatchObject({
      offlineScope: 'opened',
      salespersonId: 'SP-17',
      pullCheckpoint: '42',
    });
    expect(syncNow).toEqual(['r2-1', 'r2-1']);
    expect(target.querySelectorAll('li.connection')).toHaveLength(2);
  });
});

describe('weaker storage', () => {
  test('the consent can be withdrawn after a confirmation that says what it means', async () => {
    const secrets = secretsWithoutKeyring(true, true);
    const { target } = await render([revnueConnection()], secrets.handlers);
    await settled();
    const heading = target.querySelector('#weak-storage-heading');
    expect(text(heading)).toBe('Sign-ins kept with weaker protection');
    await noAxeViolations();
    button(target, 'Withdraw consent').click();
    await settled();
    expect(text(dialog()?.querySelector('h2'))).toBe('Withdraw consent');
    expect(text(dialog())).toMatch(/every connection is signed out and asks you to sign in again/);
    expect(text(dialog())).toMatch(/Changes waiting on this computer are kept/);
    await noAxeViolations();
    button(dialog()!, 'Cancel').click();
    await settled();
    expect(secrets.state.withdrawals).toBe(0);

    button(target, 'Withdraw consent').click();
    await settled();
    button(dialog()!, 'Withdraw consent').click();
    await settled();
    await settled();
    expect(secrets.state.withdrawals).toBe(1);
    expect(dialog()).toBeNull();
    expect(target.querySelector('#weak-storage-heading')).toBeNull();
    // Back to no safe place: the banner offers the consent again…
    expect(text(target.querySelector('#secrets-heading'))).toBe(
      'Fieldbook cannot keep your sign-ins safely yet',
    );
    await noAxeViolations();
    // …and once given again, it can be withdrawn again.
    button(target, 'Keep sign-ins with weaker protection').click();
    flushSync();
    button(target, 'Yes, use weaker protection').click();
    await settled();
    await settled();
    expect(secrets.state.accepts).toBe(1);
    expect(button(target, 'Withdraw consent')).toBeTruthy();
  });

  test('is not offered when sign-ins are in the keychain', async () => {
    const { target } = await render([revnueConnection()], {
      'secrets.status': async () => ({ ok: true, value: { store: 'keychain' } }),
    });
    await settled();
    expect(target.querySelector('#weak-storage-heading')).toBeNull();
    expect(() => button(target, 'Withdraw consent')).toThrow();
  });
});
