// The editor on a Revnue connection, for real in Chromium on IndexedDB: inline validation with
// the schema's words and the offline uniqueness rule, required markers, counters, regional dates,
// template-typed custom fields, saving offline (Save and Ctrl+S), the leave guard, a rejection.
import axe from 'axe-core';
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { RevnueCustomerRecord } from '../../../src-shared/connectors/revnue-v2/api';
import { revnueDescriptor } from '../../../src-shared/connectors';
import { formatDate, regionalLocale } from '../../lib/forms/locale-dates';
import { linksThatOpen } from '../../lib/test-support/fake-fieldbook';
import { idleStatus } from '../../lib/test-support/world-parts';
import { renderEditorWorld, revnueConnection, revnueLookups } from './test-support/editor-world';

type World = Awaited<ReturnType<typeof renderEditorWorld<RevnueCustomerRecord>>>;
let world: World | undefined;
afterEach(async () => {
  window.dispatchEvent(new Event('online'));
  await world?.dispose();
  world = undefined;
});

const existing = (id: number, name: string, extra: Partial<RevnueCustomerRecord> = {}) => ({
  serverId: String(id),
  hydration: 'full' as const,
  record: { ...revnueDescriptor.emptyRecord(), id, name, city: 'Berlin', ...extra },
});

async function render() {
  world = await renderEditorWorld<RevnueCustomerRecord>({
    connection: revnueConnection,
    lookups: revnueLookups,
    records: [existing(1, 'Acme GmbH'), existing(2, 'Globex AG')],
  });
  return world;
}

const field = (label: string) => page.getByLabelText(label, { exact: true });
const input = (label: string) => field(label).element() as HTMLInputElement;
const form = () => document.querySelector<HTMLFormElement>('form[aria-label="Customer"]')!;
const statusText = () => form().querySelector('[role="status"]')?.textContent?.trim() ?? '';

async function openNew(w: World) {
  w.navigation.newCustomer();
  await expect.element(field('Name')).toBeInTheDocument();
}

async function openExisting(w: World, key: string) {
  w.navigation.open(key);
  await expect.element(field('Name')).toHaveValue(key === '1' ? 'Acme GmbH' : 'Globex AG');
}

async function noAxeViolations() {
  const results = await axe.run(document.querySelector('.customers-screen')!);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

describe('Revnue editor', () => {
  test('a website offers "Open website" only when it makes a plain https link', async () => {
    const links = linksThatOpen();
    world = await renderEditorWorld<RevnueCustomerRecord>({
      connection: revnueConnection,
      lookups: revnueLookups,
      records: [existing(1, 'Acme GmbH', { website: 'javascript:alert(1)' })],
      handlers: links.handlers,
    });
    await openExisting(world, '1');
    expect(field('Website').element()).toHaveValue('javascript:alert(1)');
    expect(document.querySelector('button[aria-label^="Open website"]')).toBeNull();
    await userEvent.clear(field('Website'));
    await userEvent.type(field('Website'), 'acme.example.com');
    await page.getByRole('button', { name: 'Open website acme.example.com' }).click();
    // The raw value goes to main, which composes the https: link itself.
    expect(links.opened).toEqual([{ kind: 'website', value: 'acme.example.com' }]);
    await noAxeViolations();
  });

  test('an address offers "Open in maps" with its text; an empty address shows no button', async () => {
    const links = linksThatOpen();
    world = await renderEditorWorld<RevnueCustomerRecord>({
      connection: revnueConnection,
      lookups: revnueLookups,
      records: [existing(1, 'Acme GmbH', { city: '', address_line_1: '', country: null })] as never,
      handlers: links.handlers,
    });
    await openExisting(world, '1');
    expect(document.querySelector('button[aria-label^="Open in maps"]')).toBeNull();
    await userEvent.type(field('Address line 1'), 'Hauptstr. 1');
    await userEvent.type(field('City'), 'Berlin');
    await userEvent.selectOptions(field('Country'), 'Germany');
    const maps = page.getByRole('button', { name: 'Open in maps Hauptstr. 1, Berlin, Germany' });
    await expect.element(maps).toHaveTextContent('Open in maps');
    await maps.click();
    // The address text goes to main, which composes the OpenStreetMap link itself.
    expect(links.opened).toEqual([{ kind: 'address', value: 'Hauptstr. 1, Berlin, Germany' }]);
    await noAxeViolations();
  });

  test('a name another customer uses is refused as you type, before any save', async () => {
    const w = await render();
    await openNew(w);
    await userEvent.type(field('Name'), ' acme  gmbh');
    await expect
      .element(form())
      .toHaveTextContent('A customer named “acme gmbh” already exists in Revnue');
    expect(input('Name').getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(
      input('Name').getAttribute('aria-describedby')!.split(' ')[0]!,
    );
    expect(described?.textContent).toContain('already exists');
    expect(await w.store.listOutbox(revnueConnection.id)).toEqual([]);
    // A name nobody uses clears the message.
    await userEvent.clear(field('Name'));
    await userEvent.type(field('Name'), 'Initech');
    await expect.poll(() => input('Name').getAttribute('aria-invalid')).toBeNull();
  });

  test('required marker, length counter and the schema’s message as you type', async () => {
    const w = await render();
    await openNew(w);
    expect(input('Name').getAttribute('aria-required')).toBe('true');
    const label = document.querySelector(`label[for="${input('Name').id}"]`)!;
    expect(label.textContent).toBe('Name');
    expect(label.parentElement?.querySelector('.required')?.textContent).toBe('*');
    expect(input('City').getAttribute('aria-required')).toBeNull();
    await userEvent.type(field('City'), 'Bonn');
    const countId = input('City').getAttribute('aria-describedby')!;
    expect(document.getElementById(countId)?.textContent).toBe('4/50');
    await userEvent.type(field('City'), 'x'.repeat(47));
    await expect.element(form()).toHaveTextContent('City must be at most 50 characters');
    expect(input('City').getAttribute('aria-invalid')).toBe('true');
    await noAxeViolations();
  });

  test('a date typed in the regional format is stored as yyyy-MM-dd', async () => {
    const w = await render();
    await openExisting(w, '1');
    const typed = formatDate('2025-06-30', regionalLocale());
    expect(input('NDA signed date').placeholder).toBe(typed);
    await userEvent.type(field('NDA signed date'), typed);
    await userEvent.type(field('NDA signed date'), '{Tab}');
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect.poll(statusText).toContain('Saved on this computer');
    const row = await w.store.getCustomer<RevnueCustomerRecord>(revnueConnection.id, '1');
    expect(row?.record.nda_signed_date).toBe('2025-06-30');
    expect(input('NDA signed date').value).toBe(typed);
    // Text that is no day is kept and explained in the same format.
    await userEvent.clear(field('MSA signed date'));
    await userEvent.type(field('MSA signed date'), '31/31/2025');
    await expect.element(form()).toHaveTextContent(`MSA signed date: enter a date like ${typed}`);
    expect(input('MSA signed date').value).toBe('31/31/2025');
  });

  test('a custom field template shows one typed input per field; values are stored typed', async () => {
    const w = await render();
    await openExisting(w, '2');
    expect(document.body.textContent).not.toContain('Contract value');
    await userEvent.selectOptions(field('Custom field template'), 'Contract');
    await expect.element(field('Contract value')).toBeInTheDocument();
    expect(input('Seats').getAttribute('inputmode')).toBe('decimal');
    expect(input('Renewal date').placeholder).toBe(formatDate('2025-06-30', regionalLocale()));
    expect(input('Account manager').maxLength).toBe(-1);
    await userEvent.type(field('Seats'), '4.5');
    await expect.element(form()).toHaveTextContent('Seats must be a whole number');
    await userEvent.clear(field('Seats'));
    await userEvent.type(field('Seats'), '12');
    await userEvent.type(field('Contract value'), '1200.5');
    await userEvent.type(field('Renewal date'), formatDate('2026-01-31', regionalLocale()));
    await userEvent.keyboard('{Control>}s{/Control}');
    await expect.poll(statusText).toContain('Saved on this computer');
    const row = await w.store.getCustomer<RevnueCustomerRecord>(revnueConnection.id, '2');
    expect(row?.record.template).toEqual({
      id: 5,
      fields: [
        { id: 8, value: 12 },
        { id: 7, value: '1200.50' },
        { id: 9, value: '2026-01-31' },
      ],
    });
    await noAxeViolations();
  });

  test('Save offline stores the customer with a pending create and says it will sync', async () => {
    const w = await render();
    window.dispatchEvent(new Event('offline'));
    await openNew(w);
    await userEvent.type(field('Name'), 'Initech');
    await userEvent.type(field('Contact name'), 'Peter');
    await userEvent.type(field('Email'), 'peter@initech.example');
    await userEvent.selectOptions(field('Country'), 'Germany');
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect
      .poll(statusText)
      .toBe('Saved on this computer. It will sync when Fieldbook is online.');
    const open = w.navigation.openCustomer;
    expect(open?.kind).toBe('existing');
    const key = open?.kind === 'existing' ? open.key : '';
    const row = await w.store.getCustomer<RevnueCustomerRecord>(revnueConnection.id, key);
    expect(row?.record).toMatchObject({
      name: 'Initech',
      country: 276,
      contact_person: { name: 'Peter', email: 'peter@initech.example' },
    });
    const outbox = await w.store.listOutbox(revnueConnection.id);
    expect(outbox.map((e) => [e.recordKey, e.kind, e.state])).toEqual([[key, 'create', 'pending']]);
    expect(document.getElementById('customer-editor-heading')?.textContent).toBe('Initech');
  });

  test('Ctrl+S saves an edit; invalid fields block the save and get the focus', async () => {
    const w = await render();
    await openExisting(w, '1');
    await userEvent.clear(field('Name'));
    await userEvent.click(field('City'));
    await userEvent.keyboard('{Control>}s{/Control}');
    await expect.poll(statusText).toBe('Fix 1 field before saving.');
    expect(document.activeElement).toBe(input('Name'));
    await expect.element(form()).toHaveTextContent('Name is required');
    expect(await w.store.listOutbox(revnueConnection.id)).toEqual([]);
    await userEvent.type(field('Name'), 'Acme Holding');
    await userEvent.keyboard('{Control>}s{/Control}');
    await expect.poll(statusText).toBe('Saved on this computer. It will sync shortly.');
    const outbox = await w.store.listOutbox(revnueConnection.id);
    expect(outbox.map((e) => [e.recordKey, e.kind])).toEqual([['1', 'update']]);
  });

  test('leaving with unsaved changes asks; Keep editing keeps them, Discard leaves', async () => {
    const w = await render();
    await openExisting(w, '1');
    await userEvent.type(field('City'), ' Mitte');
    await userEvent.click(page.getByRole('button', { name: 'Close' }));
    const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await expect.element(dialog).toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Keep editing' }));
    await expect.element(dialog).not.toBeInTheDocument();
    expect(input('City').value).toBe('Berlin Mitte');
    expect(w.navigation.openCustomer).toEqual({ kind: 'existing', key: '1' });
    // Esc and opening another customer go through the same question.
    input('City').focus();
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Keep editing' }));
    w.navigation.open('2');
    await expect.element(dialog).toBeInTheDocument();
    await userEvent.click(page.getByRole('button', { name: 'Discard' }));
    await expect.element(field('Name')).toHaveValue('Globex AG');
    const row = await w.store.getCustomer<RevnueCustomerRecord>(revnueConnection.id, '1');
    expect(row?.record.city).toBe('Berlin');
    // Nothing typed: Esc closes at once.
    await userEvent.keyboard('{Escape}');
    expect(w.navigation.openCustomer).toBeNull();
  });

  test('switching screen or closing the window with unsaved changes asks too', async () => {
    const w = await render();
    await openExisting(w, '2');
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await userEvent.type(field('City'), 'er Tor');
    expect(unload()).toBe(true);
    w.navigation.go('changes');
    expect(w.navigation.screen).toBe('customers');
    await userEvent.click(page.getByRole('button', { name: 'Discard' }));
    expect(w.navigation.screen).toBe('changes');
  });

  test('a save the store cannot do says so in words and keeps what was typed', async () => {
    const w = await render();
    await openExisting(w, '1');
    await userEvent.type(field('City'), ' Mitte');
    w.store.close();
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect.poll(statusText).toMatch(/^Not saved: .+ Your changes are still here\.$/);
    expect(input('City').value).toBe('Berlin Mitte');
    expect(document.body.textContent).toContain('Unsaved changes');
  });

  test('a conflict shows a banner whose button opens the resolver', async () => {
    const w = await render();
    const record = (await w.store.getCustomer<RevnueCustomerRecord>(revnueConnection.id, '1'))!
      .record;
    await w.store.saveCustomer(revnueDescriptor, revnueConnection.id, '1', {
      ...record,
      city: 'Bonn',
    });
    const [entry] = await w.store.dueEntries(revnueConnection.id, Date.now(), 10);
    await w.store.markInFlight(entry!.seq!, Date.now());
    await w.store.conflictEntry(entry!.seq!, {
      kind: 'fields',
      conflicts: [{ path: 'city', base: 'Berlin', mine: 'Bonn', theirs: 'Köln' }],
      theirs: { ...record, city: 'Köln' },
    });
    await openExisting(w, '1');
    await expect.element(page.getByRole('alert')).toHaveTextContent('changed on the server too');
    await userEvent.click(page.getByRole('button', { name: 'Resolve conflict' }));
    await expect
      .element(page.getByRole('dialog', { name: 'Resolve conflict' }))
      .toBeInTheDocument();
    await noAxeViolations();
  });

  test('a conflict that arises while the customer is open shows its banner at once', async () => {
    const w = await render();
    await openExisting(w, '1');
    const record = (await w.store.getCustomer<RevnueCustomerRecord>(revnueConnection.id, '1'))!
      .record;
    await w.store.saveCustomer(revnueDescriptor, revnueConnection.id, '1', {
      ...record,
      city: 'Bonn',
    });
    const [entry] = await w.store.dueEntries(revnueConnection.id, Date.now(), 10);
    await w.store.markInFlight(entry!.seq!, Date.now());
    await w.store.conflictEntry(entry!.seq!, {
      kind: 'fields',
      conflicts: [{ path: 'city', base: 'Berlin', mine: 'Bonn', theirs: 'Köln' }],
      theirs: { ...record, city: 'Köln' },
    });
    // The engine's push ends: its status is all the window hears of the outcome.
    w.announce(
      idleStatus(revnueConnection.id, { done: 1, total: 1, waiting: 1, lastSuccessAt: Date.now() }),
    );
    await expect.element(page.getByRole('alert')).toHaveTextContent('changed on the server too');
    await expect
      .element(page.getByRole('button', { name: 'Resolve conflict' }))
      .toBeInTheDocument();
  });

  test('a rejected change shows the server’s message on its field until it is edited', async () => {
    const w = await render();
    await w.store.saveCustomer(revnueDescriptor, revnueConnection.id, '1', {
      ...(await w.store.getCustomer<RevnueCustomerRecord>(revnueConnection.id, '1'))!.record,
      phone: '+49 30 1234',
    });
    const [entry] = await w.store.dueEntries(revnueConnection.id, Date.now(), 10);
    await w.store.markInFlight(entry!.seq!, Date.now());
    await w.store.rejectEntry(entry!.seq!, {
      kind: 'validation',
      status: 400,
      message: 'Revnue refused the customer',
      fields: { phone: ['Enter a valid phone number.'] },
    });
    await openExisting(w, '1');
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent(
        'The server refused this change: fix the fields marked below and save again.',
      );
    expect(input('Phone').getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(
      input('Phone').getAttribute('aria-describedby')!.split(' ')[0]!,
    );
    expect(message?.textContent).toBe('Enter a valid phone number.');
    await noAxeViolations();
    await userEvent.clear(field('Phone'));
    await userEvent.type(field('Phone'), '+49 30 123456');
    await expect.poll(() => input('Phone').getAttribute('aria-invalid')).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect.poll(statusText).toContain('Saved on this computer');
    const outbox = await w.store.listOutbox(revnueConnection.id);
    expect(outbox.map((e) => e.state)).toEqual(['pending']);
  });
});
