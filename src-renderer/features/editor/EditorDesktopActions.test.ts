// The editor's desktop actions, for real in Chromium: "Copy link" writes the customer's
// fieldbook:// link, "Print" and "Save as PDF" go through main and say every outcome, the menu's
// Print customer… prints the open customer, the printable card carries its values, dates follow
// the OS regional format main reported — and the screen has no accessibility violations.
import axe from 'axe-core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { RevnueCustomerRecord } from '../../../src-shared/connectors/revnue-v2/api';
import { revnueDescriptor } from '../../../src-shared/connectors';
import { fail, ok } from '../../../src-shared/ipc/result';
import { LocaleState } from '../../lib/state/locale.svelte';
import type { FakeHandlers } from '../../lib/test-support/fake-fieldbook';
import { renderEditorWorld, revnueConnection, revnueLookups } from './test-support/editor-world';

type World = Awaited<ReturnType<typeof renderEditorWorld<RevnueCustomerRecord>>>;
let world: World | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await world?.dispose();
  world = undefined;
});

async function openAcme(handlers: FakeHandlers = {}, locale?: LocaleState) {
  world = await renderEditorWorld<RevnueCustomerRecord>({
    connection: revnueConnection,
    lookups: revnueLookups,
    records: [
      {
        serverId: '1',
        hydration: 'full',
        record: {
          ...revnueDescriptor.emptyRecord(),
          id: 1,
          name: 'Acme GmbH',
          city: 'Berlin',
          nda_signed_date: '2025-06-30',
        },
      },
    ],
    handlers,
    ...(locale ? { locale } : {}),
  });
  world.navigation.open('1');
  await expect.element(page.getByLabelText('Name', { exact: true })).toHaveValue('Acme GmbH');
  return world;
}

const button = (name: string) => page.getByRole('button', { name, exact: true });
/** What the actions said last (their own status line, beside the editor's). */
const said = () =>
  document.querySelector('.desktop-actions [role="status"]')?.textContent?.trim() ?? '';

async function noAxeViolations() {
  const results = await axe.run(document.querySelector('.customers-screen')!);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

describe('editor desktop actions', () => {
  test('Copy link writes the fieldbook:// link of this customer to the clipboard', async () => {
    await openAcme();
    const written: string[] = [];
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => {
      written.push(text);
    });
    await userEvent.click(button('Copy link'));
    expect(written).toEqual(['fieldbook://customer/conn-revnue/1']);
    await expect.poll(said).toContain('Link copied.');
    await noAxeViolations();
  });

  test('a clipboard that refuses: the link is shown to copy by hand', async () => {
    await openAcme();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await userEvent.click(button('Copy link'));
    await expect
      .poll(said)
      .toContain(
        'could not be copied. Select it and copy it by hand: fieldbook://customer/conn-revnue/1',
      );
  });

  test('a new customer has no link yet, but can be printed', async () => {
    await openAcme();
    world!.navigation.newCustomer();
    await expect.element(page.getByLabelText('Name', { exact: true })).toHaveValue('');
    expect(button('Copy link').query()).toBeNull();
    await expect.element(button('Print')).toBeInTheDocument();
  });

  test('Print: sent, cancelled, or why not — in words', async () => {
    const outcomes = [
      ok({ outcome: 'printed' as const }),
      ok({ outcome: 'cancelled' as const }),
      fail('server', 'Fieldbook could not print: no printer is ready.'),
    ];
    const w = await openAcme({ 'desktop.print': async () => outcomes.shift()! });
    await userEvent.click(button('Print'));
    await expect.poll(said).toContain('Sent to the printer.');
    await userEvent.click(button('Print'));
    await expect.poll(said).toContain('Printing was cancelled.');
    await userEvent.click(button('Print'));
    await expect.poll(said).toContain('no printer is ready');
    expect(w.fieldbook.callsTo('desktop.print')).toHaveLength(3);
    await noAxeViolations();
  });

  test('Save as PDF: named after the customer; saved, cancelled or refused — in words', async () => {
    const outcomes = [
      ok({ outcome: 'saved' as const, path: '/home/ann/Documents/Acme GmbH.pdf' }),
      ok({ outcome: 'cancelled' as const }),
      fail('server', 'The PDF could not be saved there (no permission to write in that folder).'),
    ];
    const w = await openAcme({ 'desktop.savePdf': async () => outcomes.shift()! });
    await userEvent.click(button('PDF…'));
    await expect.poll(said).toContain('Saved as /home/ann/Documents/Acme GmbH.pdf');
    expect(w.fieldbook.callsTo('desktop.savePdf')).toEqual([{ name: 'Acme GmbH' }]);
    await userEvent.click(button('PDF…'));
    await expect.poll(said).toContain('the save dialog was cancelled');
    await userEvent.click(button('PDF…'));
    await expect.poll(said).toContain('no permission to write in that folder');
  });

  test("the menu's Print customer… prints the open customer, once", async () => {
    const w = await openAcme({ 'desktop.print': async () => ok({ outcome: 'printed' as const }) });
    w.fieldbook.emit('menu.command', { command: 'print' });
    await expect.poll(said).toContain('Sent to the printer.');
    expect(w.fieldbook.callsTo('desktop.print')).toHaveLength(1);
  });

  test('the printable card: hidden on screen, the values in the OS regional format', async () => {
    const locale = new LocaleState();
    locale.use('de-DE');
    await openAcme({}, locale);
    const card = document.querySelector<HTMLElement>('.fb-print-card')!;
    expect(getComputedStyle(card).display).toBe('none');
    expect(card.querySelector('h1')?.textContent).toBe('Acme GmbH');
    const rows = [...card.querySelectorAll('dt')].map(
      (dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`,
    );
    expect(rows).toContain('City: Berlin');
    expect(rows).toContain('NDA signed date: 30.06.2025');
    // The editor reads and shows dates in that format too.
    expect(page.getByLabelText('NDA signed date').element()).toHaveValue('30.06.2025');
    // The print rules are loaded: in print, everything but the card is removed.
    const printRules = [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule)
      .filter((rule) => rule.media.mediaText === 'print')
      .map((rule) => rule.cssText);
    expect(printRules.join('\n')).toContain(':has(.fb-print-card)');
  });
});
