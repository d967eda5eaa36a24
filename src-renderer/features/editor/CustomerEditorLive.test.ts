// The open editor follows the store by itself: a push's outcome, a pull and a restore-like write
// made straight to the store show at once, the engine's status never moving, and what the
// salesperson is typing stays as typed.
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { RevnueCustomerRecord } from '../../../src-shared/connectors/revnue-v2/api';
import { revnueDescriptor } from '../../../src-shared/connectors';
import { renderEditorWorld, revnueConnection, revnueLookups } from './test-support/editor-world';

type World = Awaited<ReturnType<typeof renderEditorWorld<RevnueCustomerRecord>>>;
let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const field = (label: string) => page.getByLabelText(label, { exact: true });
const input = (label: string) => field(label).element() as HTMLInputElement;

async function openAcme(): Promise<World> {
  world = await renderEditorWorld<RevnueCustomerRecord>({
    connection: revnueConnection,
    lookups: revnueLookups,
    records: [
      {
        serverId: '1',
        hydration: 'full',
        record: { ...revnueDescriptor.emptyRecord(), id: 1, name: 'Acme GmbH', city: 'Berlin' },
      },
    ],
  });
  world.navigation.open('1');
  await expect.element(field('Name')).toHaveValue('Acme GmbH');
  return world;
}

const stored = async (w: World) =>
  (await w.store.getCustomer<RevnueCustomerRecord>(revnueConnection.id, '1'))!;

/** Saves `edit` of the stored record and marks its entry in flight, as a push starts it. */
async function pushing(w: World, edit: Partial<RevnueCustomerRecord>): Promise<number> {
  await w.store.saveCustomer(revnueDescriptor, revnueConnection.id, '1', {
    ...(await stored(w)).record,
    ...edit,
  });
  const [entry] = await w.store.listOutbox(revnueConnection.id);
  await w.store.markInFlight(entry!.seq!, Date.now());
  return entry!.seq!;
}

describe('the open editor follows the store', () => {
  test('a refusal written while open marks its field; nothing else announces it', async () => {
    const w = await openAcme();
    const seq = await pushing(w, { phone: '+49 30 1234' });
    await w.store.rejectEntry(seq, {
      kind: 'validation',
      status: 400,
      message: 'Revnue refused the customer',
      fields: { phone: ['Enter a valid phone number.'] },
    });
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('The server refused this change');
    await expect.poll(() => input('Phone').getAttribute('aria-invalid')).toBe('true');
    expect(input('Phone').value).toBe('+49 30 1234');
  });

  test('a conflict written while open shows its banner and its resolver button', async () => {
    const w = await openAcme();
    const seq = await pushing(w, { city: 'Bonn' });
    const theirs = (await stored(w)).base as RevnueCustomerRecord;
    await w.store.conflictEntry(seq, {
      kind: 'fields',
      conflicts: [{ path: 'city', base: 'Berlin', mine: 'Bonn', theirs: 'Köln' }],
      theirs: { ...theirs, city: 'Köln' },
    });
    await expect.element(page.getByRole('alert')).toHaveTextContent('changed on the server too');
    await expect
      .element(page.getByRole('button', { name: 'Resolve conflict' }))
      .toBeInTheDocument();
  });

  test('a pull changes the field no one is typing in and keeps what is being typed', async () => {
    const w = await openAcme();
    await userEvent.clear(field('Phone'));
    await userEvent.type(field('Phone'), '+49 30 999');
    const server = (await stored(w)).record;
    await w.store.applyPulled(revnueDescriptor, revnueConnection.id, [
      { serverId: '1', hydration: 'full', record: { ...server, city: 'Köln' } },
    ]);
    await expect.element(field('City')).toHaveValue('Köln');
    expect(input('Phone').value).toBe('+49 30 999');
    await expect.element(page.getByText('Unsaved changes')).toBeInTheDocument();
  });

  test('a push that completes the update shows the server’s answer', async () => {
    const w = await openAcme();
    const seq = await pushing(w, { city: 'Bonn' });
    await expect.element(field('City')).toHaveValue('Bonn');
    const sent = (await stored(w)).record;
    await w.store.completeUpdate(revnueDescriptor, seq, { ...sent, phone: '+49 228 1' });
    await expect.element(field('Phone')).toHaveValue('+49 228 1');
    expect(input('City').value).toBe('Bonn');
  });
});
