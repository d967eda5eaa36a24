// The editor on an R2 connection, for real in Chromium on IndexedDB: repeatable contacts with
// their own addresses and custom fields, "Same as address", read-only audit fields, a summary
// row whose missing fields say "Not downloaded yet" and fill in when the full record arrives.
import axe from 'axe-core';
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { acmeOnR2 } from '../../../src-shared/sync/test-support/sample-records';
import { renderEditorWorld, r2Connection } from './test-support/editor-world';

type World = Awaited<ReturnType<typeof renderEditorWorld<R2CustomerRecord>>>;
let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const summaryOfAcme: R2CustomerRecord = {
  recordid: 'R-1001',
  companyname: 'ACME Rentals',
  customerid: 'ACME',
  customerstatus: 'Active',
  address: { city: 'Leeds' },
};

async function render(hydration: 'full' | 'summary' = 'full') {
  world = await renderEditorWorld<R2CustomerRecord>({
    connection: r2Connection,
    records: [
      {
        serverId: 'R-1001',
        hydration,
        record: hydration === 'full' ? acmeOnR2() : summaryOfAcme,
      },
    ],
  });
  return world;
}

const group = (name: string) => page.getByRole('group', { name, exact: true });
const form = () => document.querySelector<HTMLFormElement>('form[aria-label="Customer"]')!;
const statusText = () => form().querySelector('[role="status"]')?.textContent?.trim() ?? '';
const stored = async (w: World, key: string) =>
  (await w.store.getCustomer<R2CustomerRecord>(r2Connection.id, key))!.record;

async function noAxeViolations() {
  const results = await axe.run(document.querySelector('.customers-screen')!);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

describe('R2 editor', () => {
  test('a new customer with a contact, its address and a custom field', async () => {
    const w = await render();
    w.navigation.newCustomer();
    const name = page.getByLabelText('Company name', { exact: true });
    await expect.element(name).toBeInTheDocument();
    await userEvent.type(name, 'Initech Rentals');
    await userEvent.click(page.getByRole('button', { name: 'Add contact' }));
    const contact = group('Contact 1');
    await expect.element(contact).toBeInTheDocument();
    // The new contact's first input has the focus.
    expect(document.activeElement).toBe(contact.getByLabelText('First name').element());
    await userEvent.keyboard('Peter');
    await userEvent.type(contact.getByLabelText('Email'), 'peter@initech.example');
    await userEvent.type(
      contact.getByRole('group', { name: 'Address', exact: true }).getByLabelText('City'),
      'York',
    );
    await userEvent.click(contact.getByRole('button', { name: 'Add custom field' }));
    await userEvent.type(
      contact
        .getByRole('group', { name: 'Custom field 1' })
        .getByLabelText('Field', { exact: true }),
      'Role',
    );
    await userEvent.type(
      contact
        .getByRole('group', { name: 'Custom field 1' })
        .getByLabelText('Value', { exact: true }),
      'Buyer',
    );
    await noAxeViolations();
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect.poll(statusText).toContain('Saved on this computer');
    const open = w.navigation.openCustomer;
    const key = open?.kind === 'existing' ? open.key : '';
    const record = await stored(w, key);
    expect(record.companyname).toBe('Initech Rentals');
    expect(record.synchronizer2).toBe('Created in R2');
    expect(record.contacts).toHaveLength(1);
    expect(record.contacts![0]).toMatchObject({
      firstname: 'Peter',
      emailaddr: 'peter@initech.example',
      address: { city: 'York' },
      udfs: [{ caption: 'Role', value: 'Buyer' }],
    });
    expect(record.contacts![0]!.localKey).toMatch(/^local-/);
    const outbox = await w.store.listOutbox(r2Connection.id);
    expect(outbox.map((e) => [e.kind, e.state])).toEqual([['create', 'pending']]);
  });

  test('a custom field without its caption cannot be saved; the message says why', async () => {
    const w = await render();
    w.navigation.open('R-1001');
    await expect
      .element(page.getByLabelText('Company name', { exact: true }))
      .toHaveValue('ACME Rentals');
    const udfs = page.getByRole('group', { name: 'Custom fields', exact: true }).last();
    await userEvent.click(udfs.getByRole('button', { name: 'Add custom field' }));
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect.poll(statusText).toBe('Fix 1 field before saving.');
    await expect.element(udfs).toHaveTextContent('Custom field name is required');
    expect(document.activeElement).toBe(
      udfs.getByLabelText('Field', { exact: true }).last().element(),
    );
    expect((await w.store.listOutbox(r2Connection.id)).length).toBe(0);
  });

  test('"Same as address" copies the address and keeps it equal while on', async () => {
    const w = await render();
    w.navigation.open('R-1001');
    // The customer's blocks come before the contacts' blocks of the same names.
    const billing = group('Billing address').first();
    await expect.element(billing.getByLabelText('City')).toHaveValue('Leeds');
    await userEvent.click(billing.getByLabelText('Same as address'));
    await expect.element(billing.getByLabelText('ZIP')).toHaveValue('LS1 4DL');
    expect((billing.getByLabelText('City').element() as HTMLInputElement).readOnly).toBe(true);
    await userEvent.type(group('Address').first().getByLabelText('City'), ' Centre');
    await expect.element(billing.getByLabelText('City')).toHaveValue('Leeds Centre');
    await userEvent.click(page.getByRole('button', { name: 'Save', exact: true }));
    await expect.poll(statusText).toContain('Saved on this computer');
    const record = await stored(w, 'R-1001');
    expect(record.billingaddress).toEqual(record.address);
    expect(record.billingaddress?.city).toBe('Leeds Centre');
  });

  test('audit fields are read-only, shown in the regional format', async () => {
    const w = await render();
    w.navigation.open('R-1001');
    // The customer's audit block is the last one (each contact has its own before it).
    const audit = group('Created and updated').last();
    await expect.element(audit.getByLabelText('Created by', { exact: true })).toHaveValue('Ann');
    const created = audit.getByLabelText('Created', { exact: true }).element() as HTMLInputElement;
    expect(created.readOnly).toBe(true);
    expect(created.disabled).toBe(false);
    expect(created.value).toContain('08:15');
    expect(created.value).not.toContain('2023-05-02');
    await noAxeViolations();
  });

  test('a summary row marks what is not downloaded yet and keeps edits when the full record arrives', async () => {
    const w = await render('summary');
    w.navigation.open('R-1001');
    await expect
      .element(page.getByRole('status').filter({ hasText: 'downloading the full record' }))
      .toBeInTheDocument();
    const credit = page.getByLabelText('Credit limit');
    await expect.element(credit).toHaveAttribute('placeholder', 'Not downloaded yet');
    expect(
      document.getElementById(credit.element().getAttribute('aria-describedby')!)?.textContent,
    ).toBe('Not downloaded yet');
    // Opening it asked for the full record (the engine fetches opened rows first).
    await expect
      .poll(async () => (await w.store.getCustomer(r2Connection.id, 'R-1001'))?.opened)
      .toBe(true);
    await userEvent.type(page.getByLabelText('Company name', { exact: true }), ' Ltd');
    await w.store.applyPulled(w.descriptor as never, r2Connection.id, [
      { serverId: 'R-1001', hydration: 'full', record: { ...acmeOnR2(), creditlimit: 5000 } },
    ] as never);
    await expect.element(credit).toHaveValue('5000');
    expect(credit.element().getAttribute('placeholder')).toBeNull();
    await expect
      .element(page.getByLabelText('Company name', { exact: true }))
      .toHaveValue('ACME Rentals Ltd');
    expect(document.body.textContent).not.toContain('downloading the full record');
    await noAxeViolations();
  });
});
