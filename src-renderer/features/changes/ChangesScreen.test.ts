// The Changes view and the conflict resolver for real in Chromium on a real IndexedDB store: every
// waiting, rejected or conflicted change grouped by customer with its reason in words, "Open
// customer", "Discard change" (confirmed), and "Resolve conflict" per field or for a customer
// deleted on the server — each checked in the store afterwards, and with axe.
import axe from 'axe-core';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import type { RevnueCustomerRecord } from '../../../src-shared/connectors/revnue-v2/api';
import { revnueDescriptor } from '../../../src-shared/connectors';
import { merge } from '../../../src-shared/sync/merge';
import type { CustomerStore } from '../../lib/db/customer-store';
import { revnueCase } from '../../lib/db/test-support/store-cases';
import { revnueConnection } from '../../lib/test-support/fake-fieldbook';
import { button, renderScreen, settled, text, type } from '../settings/test-support/screen-world';
import ChangesScreen from './ChangesScreen.svelte';

const C = 'rv-1';
const descriptor = revnueDescriptor;
let world: Awaited<ReturnType<typeof renderScreen>> | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

async function noAxeViolations(within: Element = document.body) {
  const results = await axe.run(within);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

/** The only entry of `key`. */
async function entryOf(store: CustomerStore, key: string) {
  const entries = (await store.listOutbox<RevnueCustomerRecord>(C)).filter(
    (entry) => entry.recordKey === key,
  );
  expect(entries).toHaveLength(1);
  return entries[0]!;
}

/** A customer on the server: created here, sent, and completed as server id `serverId`. */
async function onServer(store: CustomerStore, serverId: string, name: string) {
  const key = await store.createCustomer(descriptor, C, revnueCase.newRecord(name));
  const { seq } = await entryOf(store, key);
  await store.markInFlight(seq!, 1);
  const server = revnueCase.created(revnueCase.newRecord(name), serverId);
  await store.completeCreate(descriptor, seq!, serverId, server);
  return (await store.getCustomer<RevnueCustomerRecord>(C, serverId))!.record;
}

/** `serverId` edited here as `mine` while the server holds `theirs`: a fields conflict. */
async function conflicted(
  store: CustomerStore,
  serverId: string,
  edit: (record: RevnueCustomerRecord) => RevnueCustomerRecord,
  theirsOf: (record: RevnueCustomerRecord) => RevnueCustomerRecord,
) {
  const base = await onServer(store, serverId, `Customer ${serverId}`);
  const mine = edit(base);
  await store.saveCustomer(descriptor, C, serverId, mine);
  const theirs = theirsOf(base);
  const { conflicts } = merge(descriptor.shape, base, mine, theirs);
  const { seq } = await entryOf(store, serverId);
  await store.markInFlight(seq!, 2);
  await store.conflictEntry(seq!, { kind: 'fields', conflicts, theirs });
  return { base, mine, theirs };
}

async function deletedOnServer(store: CustomerStore, serverId: string, name: string) {
  const base = await onServer(store, serverId, name);
  await store.saveCustomer(descriptor, C, serverId, { ...base, city: 'Leeds' });
  const { seq } = await entryOf(store, serverId);
  await store.markInFlight(seq!, 3);
  await store.conflictEntry(seq!, { kind: 'deleted_on_server' });
}

async function render(fill: (store: CustomerStore) => Promise<void>) {
  world = await renderScreen(ChangesScreen, { connections: [revnueConnection()], fill });
  await expect.poll(() => world!.target.querySelectorAll('li.group').length).toBeGreaterThan(0);
  await settled();
  return world;
}

const group = (name: string) => {
  const found = [...world!.target.querySelectorAll('li.group')].find(
    (li) => text(li.querySelector('h2')) === name,
  );
  if (!found) throw new Error(`no group “${name}”`);
  return found as HTMLElement;
};
const dialog = () => document.querySelector<HTMLDialogElement>('dialog[open]');
async function opened(): Promise<HTMLDialogElement> {
  await expect.poll(dialog).not.toBeNull();
  flushSync();
  return dialog()!;
}
const radio = (within: Element, legend: string, name: 'Mine' | 'Theirs' | 'Edit') => {
  const fieldset = [...within.querySelectorAll('fieldset')].find(
    (f) => text(f.querySelector('legend')) === legend,
  );
  const label = [...(fieldset?.querySelectorAll('label') ?? [])].find((l) => text(l) === name);
  const input = label?.querySelector<HTMLInputElement>('input[type="radio"]');
  if (!input) throw new Error(`no “${name}” for ${legend}`);
  return input;
};

describe('Changes', () => {
  test('every waiting, rejected and conflicted change, grouped by customer, with its reason', async () => {
    const { target, navigation } = await render(async (store) => {
      await store.createCustomer(descriptor, C, revnueCase.newRecord('Initech'));
      const base = await onServer(store, '201', 'Umbrella');
      await store.saveCustomer(descriptor, C, '201', { ...base, phone: '+1 555 0111' });
      await store.saveCustomer(descriptor, C, '201', { ...base, phone: '+1 555 0111', city: 'X' });
      const { seq } = await entryOf(store, '201');
      await store.markInFlight(seq!, 5);
      await store.rejectEntry(seq!, {
        kind: 'validation',
        message: 'Revnue refused the customer.',
        fields: { phone: ['Enter a valid phone number.'] },
      });
      await conflicted(
        store,
        '202',
        (r) => ({ ...r, phone: 'mine' }),
        (r) => ({ ...r, phone: 'theirs' }),
      );
      await deletedOnServer(store, '203', 'Gone Ltd');
    });
    await expect.poll(() => target.querySelectorAll('li.group').length).toBe(4);
    const reasons = (name: string) =>
      [...group(name).querySelectorAll('li[data-state]')].map((li) => text(li));
    expect(reasons('Initech')).toEqual([
      'New customer — Saved on this computer; waiting to be sent.',
    ]);
    expect(reasons('Umbrella')).toEqual([
      'Changes — Refused by Revnue API v2: Revnue refused the customer. phone: Enter a valid phone number. Fix the customer to send it again.',
    ]);
    expect(reasons('Customer 202')).toEqual([
      'Changes — Conflict: this customer was also changed on the server. Choose which values to keep.',
    ]);
    expect(reasons('Gone Ltd')).toEqual([`Changes — ${descriptor.wording.deletedOnServer}`]);
    expect(button(group('Customer 202'), 'Resolve conflict')).toBeTruthy();
    expect(() => button(group('Initech'), 'Resolve conflict')).toThrow();
    await noAxeViolations(target);

    button(group('Umbrella'), 'Open customer').click();
    expect(navigation.screen).toBe('customers');
    expect(navigation.openCustomer).toEqual({ kind: 'existing', key: '201' });
  });

  test('"Discard change" asks first; an update goes back to the server version, a new customer goes', async () => {
    let umbrella: RevnueCustomerRecord | undefined;
    let initech = '';
    const { target, store } = await render(async (store) => {
      initech = await store.createCustomer(descriptor, C, revnueCase.newRecord('Initech'));
      umbrella = await onServer(store, '201', 'Umbrella');
      await store.saveCustomer(descriptor, C, '201', { ...umbrella, phone: '+1 555 0111' });
    });
    await expect.poll(() => target.querySelectorAll('li.group').length).toBe(2);

    button(group('Umbrella'), 'Discard change').click();
    const confirm = await opened();
    expect(text(confirm.querySelector('h2'))).toBe('Discard change');
    expect(text(confirm)).toContain("The customer goes back to the server's version.");
    await noAxeViolations();
    button(confirm, 'Cancel').click();
    await settled();
    expect(await store.countWaiting(C)).toBe(2);

    button(group('Umbrella'), 'Discard change').click();
    button(await opened(), 'Discard change').click();
    await expect.poll(() => target.querySelectorAll('li.group').length).toBe(1);
    expect((await store.getCustomer<RevnueCustomerRecord>(C, '201'))?.record).toEqual(umbrella);
    expect((await store.listOutbox(C)).map((entry) => entry.recordKey)).toEqual([initech]);

    button(group('Initech'), 'Discard change').click();
    const second = await opened();
    expect(text(second)).toContain('This new customer was never sent, so it is removed');
    button(second, 'Discard change').click();
    await expect.poll(() => text(target)).toContain('Every change is on the server.');
    expect(await store.getCustomer(C, initech)).toBeUndefined();
    expect(await store.countWaiting(C)).toBe(0);
  });
});

describe('Resolve conflict', () => {
  test('Mine for one field, Theirs for another, an edited third: a pending update with those values', async () => {
    let theirs: RevnueCustomerRecord | undefined;
    const { store } = await render(async (store) => {
      ({ theirs } = await conflicted(
        store,
        '301',
        (r) => ({ ...r, phone: '+1 555 0001', city: 'Mine City', website: 'https://mine.example' }),
        (r) => ({
          ...r,
          phone: '+1 555 0002',
          city: 'Their City',
          website: 'https://theirs.example',
        }),
      ));
    });
    button(group('Customer 301'), 'Resolve conflict').click();
    const resolver = await opened();
    expect(text(resolver.querySelector('h2'))).toBe('Resolve conflict');
    expect(resolver.getAttribute('aria-labelledby')).toBe(resolver.querySelector('h2')?.id);
    const legends = [...resolver.querySelectorAll('fieldset legend')].map((l) => text(l));
    expect([...legends].sort()).toEqual(['City', 'Phone', 'Website']);
    // Base, mine and theirs side by side for each field.
    const phone = radio(resolver, 'Phone', 'Mine').closest('fieldset')!;
    expect([...phone.querySelectorAll('.side')].map((side) => text(side))).toEqual([
      `Before ${revnueCase.newRecord('x').phone}`,
      'Mine +1 555 0001',
      'Theirs +1 555 0002',
      'Edit',
    ]);
    const resolve = button(resolver, 'Resolve');
    expect(resolve.disabled).toBe(true);
    expect(text(resolver)).toContain('Choose a value for every field.');
    await noAxeViolations();

    radio(resolver, 'Phone', 'Mine').click();
    radio(resolver, 'City', 'Theirs').click();
    flushSync();
    expect(resolve.disabled).toBe(true);
    const edited = resolver.querySelector<HTMLInputElement>(
      'input[aria-label="Website: edited value"]',
    );
    type(edited, 'https://both.example');
    expect(radio(resolver, 'Website', 'Edit').checked).toBe(true);
    expect(resolve.disabled).toBe(false);
    await noAxeViolations();
    resolve.click();
    await expect.poll(dialog).toBeNull();

    const entry = await entryOf(store, '301');
    expect(entry).toMatchObject({ state: 'pending', conflict: null, base: theirs });
    expect(entry.changed).toEqual(
      expect.arrayContaining([
        { path: 'phone', value: '+1 555 0001' },
        { path: 'website', value: 'https://both.example' },
      ]),
    );
    expect(entry.changed).not.toContainEqual(expect.objectContaining({ path: 'city' }));
    expect((await store.getCustomer<RevnueCustomerRecord>(C, '301'))?.record).toMatchObject({
      phone: '+1 555 0001',
      city: 'Their City',
      website: 'https://both.example',
    });
    await expect
      .poll(() => text(group('Customer 301')))
      .toContain('Saved on this computer; waiting to be sent.');
  });

  test('a value the schema refuses is said on its field, and nothing changes', async () => {
    const { store } = await render(async (store) => {
      await conflicted(
        store,
        '302',
        (r) => ({ ...r, website: 'https://mine.example' }),
        (r) => ({ ...r, website: 'https://theirs.example' }),
      );
    });
    const before = await entryOf(store, '302');
    button(group('Customer 302'), 'Resolve conflict').click();
    const resolver = await opened();
    type(
      resolver.querySelector<HTMLInputElement>('input[aria-label="Website: edited value"]'),
      `https://${'x'.repeat(60)}.example`,
    );
    button(resolver, 'Resolve').click();
    await expect.poll(() => text(resolver.querySelector('.field-error'))).not.toBe('');
    expect(dialog()).not.toBeNull();
    expect(await entryOf(store, '302')).toEqual(before);
    await noAxeViolations();
  });

  test('deleted on the server: "Re-create it" queues a create; discarding removes it', async () => {
    const { target, store } = await render(async (store) => {
      await deletedOnServer(store, '401', 'Gone Ltd');
      await deletedOnServer(store, '402', 'Also Gone');
    });
    await expect.poll(() => target.querySelectorAll('li.group').length).toBe(2);
    button(group('Gone Ltd'), 'Resolve conflict').click();
    const first = await opened();
    expect(text(first)).toContain(descriptor.wording.deletedOnServer);
    await noAxeViolations();
    button(first, 'Re-create it').click();
    await expect.poll(dialog).toBeNull();
    const recreated = (await store.listOutbox<RevnueCustomerRecord>(C)).find(
      (entry) => entry.kind === 'create',
    );
    expect(recreated).toMatchObject({ state: 'pending', kind: 'create' });
    expect(
      (await store.getCustomer<RevnueCustomerRecord>(C, recreated!.recordKey))?.record,
    ).toMatchObject({ name: 'Gone Ltd', city: 'Leeds' });
    expect(await store.getCustomer(C, '401')).toBeUndefined();

    button(group('Also Gone'), 'Resolve conflict').click();
    button(await opened(), 'Discard my changes').click();
    await expect.poll(dialog).toBeNull();
    expect(await store.getCustomer(C, '402')).toBeUndefined();
    expect((await store.listOutbox(C)).map((entry) => entry.recordKey)).toEqual([
      recreated!.recordKey,
    ]);
    await expect.poll(() => target.querySelectorAll('li.group').length).toBe(1);
  });
});
