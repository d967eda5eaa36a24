// Export from the Customers screen, for real in Chromium: the real store on IndexedDB, the real
// search worker and list; main's export channels answered by the test (it keeps what main would
// write). The file's rows are the view's rows, in its order; progress, cancel, errors in words; axe.
import axe from 'axe-core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { revnueDescriptor } from '../../../src-shared/connectors';
import { corpusRecord } from '../../lib/search/test-support/customer-corpus';
import { guardFormula } from '../../../src-shared/export/csv';
import { parseCsv } from '../../../src-shared/export/test-support/rfc4180-parse';
import type { FakeHandlers } from '../../lib/test-support/fake-fieldbook';
import { renderCustomers } from './test-support/customers-world';

let world: Awaited<ReturnType<typeof renderCustomers>> | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

/** What main would have written, piece by piece; `hold` keeps the first write waiting. */
function fakeMain(options: { failWrite?: string; hold?: Promise<void> } = {}) {
  const file = { pieces: [] as string[], finished: false, cancelled: false };
  const handlers: FakeHandlers = {
    'export.begin': async () => ({ ok: true, value: { outcome: 'started', session: 's1' } }),
    'export.write': async ({ chunk, seq }) => {
      if (options.hold) await options.hold;
      if (options.failWrite) {
        return { ok: false, error: { kind: 'server', message: options.failWrite } };
      }
      expect(seq).toBe(file.pieces.length);
      file.pieces.push(chunk);
      return { ok: true, value: null };
    },
    'export.finish': async () => {
      file.finished = true;
      return { ok: true, value: { path: '/home/sam/Customers.csv' } };
    },
    'export.cancel': async () => {
      file.cancelled = true;
      return { ok: true, value: null };
    },
  };
  return { file, handlers, text: () => file.pieces.join('') };
}

const grid = () => document.querySelector<HTMLElement>('[role="grid"][aria-label="Customers"]')!;
const rowCount = () => Number(grid().getAttribute('aria-rowcount')) - 1;
const dialog = () => document.querySelector<HTMLDialogElement>('dialog[open]');
const button = (name: string, within: ParentNode = document) =>
  [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const status = () => dialog()?.querySelector('[role="status"]')?.textContent?.trim() ?? '';

async function openDialog() {
  await expect.poll(() => rowCount(), { timeout: 15_000 }).toBeGreaterThan(0);
  await userEvent.click(button('Export')!);
  await expect.poll(dialog).not.toBeNull();
}

async function noAxeViolations() {
  const results = await axe.run(dialog()!);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

describe('Export dialog', () => {
  test('exports the searched view as CSV: the file rows are the view rows, in order', async () => {
    const main = fakeMain();
    world = await renderCustomers({ customers: 400, handlers: main.handlers });
    const search = document.querySelector<HTMLInputElement>(
      'input[aria-label="Search customers"]',
    )!;
    await userEvent.type(search, 'bau');
    const lookups = await world.store.getLookups('conn-1');
    const expected = Array.from({ length: 400 }, (_, i) => corpusRecord(i))
      .filter((r) => r.name.toLowerCase().includes('bau'))
      .sort((a, b) => a.name.localeCompare(b.name, 'de'));
    await expect.poll(rowCount).toBe(expected.length);

    await openDialog();
    expect(dialog()!.textContent).toContain(`In this view (${expected.length} customers)`);
    // No selection was given: only the view is offered.
    expect(dialog()!.textContent).not.toContain('Selected customers');
    await noAxeViolations();
    await userEvent.click(button('Start export', dialog()!)!);
    await expect
      .poll(status)
      .toBe(`Exported ${expected.length} customers to /home/sam/Customers.csv`);
    expect(main.file.finished).toBe(true);

    const text = main.text();
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...revnueDescriptor.listColumns.map((c) => c.label), 'Sync state']);
    // The same customers as the grid, in the grid's order (by name), with the grid's cell texts.
    expect(rows.map((row) => row[0])).toEqual(expected.map((r) => r.name));
    // Phones start with "+": the formula guard writes them with a leading apostrophe.
    expect(rows[0]).toEqual([
      ...revnueDescriptor.listColumns.map((c) => guardFormula(c.value(expected[0]!, lookups))),
      'Synced',
    ]);
    await noAxeViolations();
  });

  test('the choices without a selection, and a vCard export: one card per customer here', async () => {
    const main = fakeMain();
    world = await renderCustomers({ customers: 50, handlers: main.handlers });
    await openDialog();
    const radios = () => [...dialog()!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios().map((r) => r.parentElement!.textContent!.trim())).toEqual([
      'In this view (50 customers)',
      'CSV for spreadsheets',
      'vCard for address books (one card per contact)',
      "The list's columns",
      'All fields',
    ]);
    await userEvent.click(radios()[2]!);
    // Columns are a CSV matter.
    await expect.poll(() => radios().length).toBe(3);
    await userEvent.click(button('Start export', dialog()!)!);
    await expect.poll(status).toBe('Exported 50 customers to /home/sam/Customers.csv');
    const cards = main.text().split('BEGIN:VCARD\r\n').length - 1;
    expect(cards).toBe(50);
    expect(main.text()).toContain('VERSION:4.0\r\n');
  });

  test('the selected customers go to the file, through the export worker', async () => {
    const main = fakeMain();
    world = await renderCustomers({ customers: 60, handlers: main.handlers });
    await expect.poll(() => rowCount(), { timeout: 15_000 }).toBe(60);
    const nameOf = (index: number) =>
      document
        .getElementById(`customer-row-${index}`)!
        .querySelectorAll('[role="gridcell"]')[1]!
        .textContent!.trim();
    const picked = [1, 3, 4].map(nameOf);
    for (const name of picked) {
      await userEvent.click(
        document.querySelector(`[role="checkbox"][aria-label="Select ${name}"]`)!,
      );
    }
    await openDialog();
    const selected = [...dialog()!.querySelectorAll('label')].find((l) =>
      l.textContent?.includes('Selected customers (3 customers)'),
    );
    // The dialog keeps the selection in $state: what goes to the worker must be a plain copy.
    await userEvent.click(selected!.querySelector('input')!);
    await userEvent.click(button('Start export', dialog()!)!);
    await expect.poll(status).toBe('Exported 3 customers to /home/sam/Customers.csv');
    const [, ...rows] = parseCsv(main.text().slice(1));
    expect(rows.map((row) => row[0])).toEqual(picked);
  });

  test('Cancel export stops it and saves no file', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const main = fakeMain({ hold });
    world = await renderCustomers({ customers: 100, handlers: main.handlers });
    await openDialog();
    await userEvent.click(button('Start export', dialog()!)!);
    await expect.poll(() => button('Cancel export', dialog()!)).toBeDefined();
    await userEvent.click(button('Cancel export', dialog()!)!);
    release();
    await expect.poll(status).toBe('Export cancelled. No file was saved.');
    expect(main.file.cancelled).toBe(true);
    expect(main.file.finished).toBe(false);
  });

  test("main's write error is shown in its words, and the export is dropped", async () => {
    const words = 'The export could not be saved there (the disk is full). Choose another folder.';
    const main = fakeMain({ failWrite: words });
    world = await renderCustomers({ customers: 20, handlers: main.handlers });
    await openDialog();
    await userEvent.click(button('Start export', dialog()!)!);
    await expect.poll(status).toBe(words);
    expect(main.file.cancelled).toBe(true);
    await noAxeViolations();
  });

  test('progress reads "Exported N of M" while it runs', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const main = fakeMain({ hold });
    world = await renderCustomers({ customers: 2_500, handlers: main.handlers });
    await openDialog();
    await userEvent.click(button('Start export', dialog()!)!);
    await expect.poll(status).toBe('Exported 0 of 2,500');
    const progress = dialog()!.querySelector('progress')!;
    expect(progress.getAttribute('aria-label')).toBe('Export progress');
    expect(progress.max).toBe(2_500);
    release();
    await vi.waitFor(() =>
      expect(status()).toBe('Exported 2,500 customers to /home/sam/Customers.csv'),
    );
  });
});
