// "Possible duplicates" for real in Chromium: the Customers screen's own search worker on a real
// IndexedDB answers the checks. Each state of the region — none, some, dismissed, opened and back —
// with axe finding nothing.
import axe from 'axe-core';
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { RevnueCustomerRecord } from '../../../src-shared/connectors/revnue-v2/api';
import { revnueDescriptor } from '../../../src-shared/connectors';
import { draftParking } from '../../lib/state/parked-draft.svelte';
import { renderEditorWorld, revnueConnection, revnueLookups } from './test-support/editor-world';

type World = Awaited<ReturnType<typeof renderEditorWorld<RevnueCustomerRecord>>>;
let world: World | undefined;
afterEach(async () => {
  // The editor's own uniqueness check may still be reading the store: let it finish before the
  // database is dropped (else it reports "database closed").
  await new Promise((resolve) => setTimeout(resolve, 500));
  await world?.dispose();
  world = undefined;
  draftParking.clear();
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
    records: [
      existing(1, 'ACME Industrial Supplies Ltd.', { phone: '+49 171 2345678' }),
      existing(2, 'Globex AG', {
        contact_person: { name: 'Gina', email: 'gina@globex.com', type: undefined },
      }),
      existing(3, 'Initech Software GmbH'),
    ],
  });
  // The list's worker has read the store: its grid shows the customers.
  await expect.element(page.getByText('Globex AG')).toBeInTheDocument();
  return world;
}

const region = () => page.getByRole('region', { name: 'Possible duplicates' });
const field = (label: string) => page.getByLabelText(label, { exact: true });
const editorName = () => (field('Name').element() as HTMLInputElement).value;

async function openNew(w: World) {
  w.navigation.newCustomer();
  await expect.element(field('Name')).toBeInTheDocument();
}

async function noAxeViolations() {
  const results = await axe.run(document.querySelector('.customers-screen')!);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

describe('Possible duplicates', () => {
  test('none: a new name like no other customer shows no region', async () => {
    const w = await render();
    await openNew(w);
    await userEvent.type(field('Name'), 'Umbrella Pharma');
    // Long enough for the typing pause and the worker's answer to have come.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect.element(region()).not.toBeInTheDocument();
    await noAxeViolations();
  });

  test('some: a near-duplicate name and a known phone show candidates with why', async () => {
    const w = await render();
    await openNew(w);
    await userEvent.type(field('Name'), 'Acme Industrial Supply');
    await expect.element(region()).toBeInTheDocument();
    await expect.element(region()).toHaveTextContent('ACME Industrial Supplies Ltd.');
    await expect.element(region()).toHaveTextContent('Same name');
    await userEvent.clear(field('Name'));
    await userEvent.type(field('Name'), 'Globe');
    await userEvent.type(field('Email'), 'sales@globex.com');
    await expect.element(region()).toHaveTextContent('Same email domain globex.com');
    await expect
      .element(region().getByRole('button', { name: 'Open existing' }))
      .toHaveAccessibleDescription('Globex AG');
    await noAxeViolations();
  });

  test('dismissed: "Not a duplicate" hides that candidate for this draft', async () => {
    const w = await render();
    await openNew(w);
    await userEvent.type(field('Phone'), '0171 234 56 78');
    await expect.element(region()).toHaveTextContent('Same phone number');
    await region().getByRole('button', { name: 'Not a duplicate' }).click();
    await expect.element(region()).not.toBeInTheDocument();
    // Typing on does not bring it back for this draft.
    await userEvent.type(field('Name'), 'Acme Industrial');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect.element(region()).not.toBeInTheDocument();
    await noAxeViolations();
  });

  test('opened and back: "Open existing" keeps the draft, "Back to your draft" restores it', async () => {
    const w = await render();
    await openNew(w);
    await userEvent.type(field('Name'), 'Initech Softwre');
    await userEvent.type(field('City'), 'Hamburg');
    await expect.element(region()).toHaveTextContent('Similar name');
    await region().getByRole('button', { name: 'Open existing' }).click();
    // The match is open, no "Discard unsaved changes?" was asked.
    await expect.element(field('Name')).toHaveValue('Initech Software GmbH');
    expect(document.querySelector('dialog[open]')).toBeNull();
    await noAxeViolations();
    // Keyboard: the way back is a button.
    const back = page.getByRole('button', { name: 'Back to your draft' });
    (back.element() as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(field('Name')).toHaveValue('Initech Softwre');
    await expect.element(field('City')).toHaveValue('Hamburg');
    expect(w.navigation.openCustomer).toEqual({ kind: 'new' });
    await expect.element(page.getByText('Unsaved changes')).toBeInTheDocument();
    await expect.element(region()).toHaveTextContent('Initech Software GmbH');
    expect(editorName()).toBe('Initech Softwre');
    await noAxeViolations();
  });

  test('an existing customer is checked only once its name, email or phone is edited', async () => {
    const w = await render();
    w.navigation.open('1');
    await expect.element(field('Name')).toHaveValue('ACME Industrial Supplies Ltd.');
    await userEvent.type(field('City'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect.element(region()).not.toBeInTheDocument();
    await userEvent.clear(field('Name'));
    await userEvent.type(field('Name'), 'Globex');
    await expect.element(region()).toHaveTextContent('Globex AG');
    // Never its own duplicate, even with its own phone number.
    await expect.element(region()).not.toHaveTextContent('ACME');
  });
});
