// Search and scroll with 10,000 customers, and a keyboard-only walk of the grid: a sandbox seeded
// with enough Revnue customers that the connection's company has about 10,000, a connection added
// through window.fieldbook (as Settings does), the first sync over real HTTP, then the list.
// The page is e2e/list-page (the Customers screen wired like the app) until the shell renders it.
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { buildVitePage } from '../list-page/build-vite-page';
import { CustomerList } from '../pages/customer-list';
import {
  scratchTmpdir,
  startHarnessProcess,
  type RunningHarness,
} from '../support/harness-process';

interface RevnueCustomer {
  id: number;
  name: string;
  city?: string;
  phone?: string;
  contact_person?: { name?: string; email?: string } | null;
}

let sandbox: Sandbox;
let harness: RunningHarness;
let pageDir: string;
let scratch: Awaited<ReturnType<typeof scratchTmpdir>> | undefined;
let listed: RevnueCustomer[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  scratch = await scratchTmpdir();
  pageDir = await mkdtemp(join(tmpdir(), 'fieldbook-list-page-'));
  // One customer in ten belongs to the second company: 11,100 gives the first about 10,000.
  [sandbox] = await Promise.all([
    startSandbox({ port: 0, customers: 11_100, log: () => {} }),
    buildVitePage(fileURLToPath(new URL('../list-page/', import.meta.url)), pageDir),
  ]);
  harness = await startHarnessProcess(['--renderer', pageDir]);
  const { baseUrl, company, token } = sandbox.revnue;
  const answer = await fetch(new URL(`customer/?company=${company}`, baseUrl), {
    headers: { authorization: `Bearer ${token}` },
  });
  listed = (await answer.json()) as RevnueCustomer[];
});
test.afterAll(async () => {
  await harness?.stop();
  await sandbox?.close();
  await rm(pageDir, { recursive: true, force: true });
  await scratch?.release();
});

async function openWithConnection(page: Page): Promise<CustomerList> {
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(harness.url);
  const { baseUrl, company, token } = sandbox.revnue;
  await page.evaluate(
    (config) =>
      (
        globalThis as unknown as { listE2e: { addConnection(c: unknown): Promise<string> } }
      ).listE2e.addConnection(config),
    { kind: 'revnue-v2', name: 'Sandbox – Revnue', baseUrl, company, token } as const,
  );
  const list = new CustomerList(page);
  await list.expectShown(listed.length);
  return list;
}

test('search and scroll with 10,000 customers', async ({ page }) => {
  test.setTimeout(120_000);
  expect(listed.length).toBeGreaterThan(9_500);
  const list = await openWithConnection(page);
  await expect(list.count).toHaveText(`${listed.length.toLocaleString('en')} customers`);

  // Scrolling to the end renders the last rows, and only a screenful is in the DOM.
  await list.grid.evaluate((grid) => (grid.scrollTop = grid.scrollHeight));
  await expect(list.row(listed.length)).toBeVisible();
  expect(await list.rows.count()).toBeLessThan(80);

  // A name: every customer whose name holds both words, nothing else.
  const target = listed[Math.floor(listed.length / 2)]!;
  const words = target.name.split(/\s+/).slice(0, 2).join(' ');
  await list.search.fill(words);
  const byName = listed.filter((c) =>
    words
      .toLowerCase()
      .split(' ')
      .every((w) => c.name.toLowerCase().includes(w)),
  );
  await list.expectShown(byName.length);
  await expect(list.grid).toContainText(target.name);

  // A phone number, typed with other separators than stored: found by its digits.
  const withPhone = listed.find((c) => (c.phone ?? '').replace(/\D/g, '').length >= 6)!;
  const digits = withPhone.phone!.replace(/\D/g, '');
  await list.search.fill(`${digits.slice(0, 3)} ${digits.slice(3, 7)}`);
  await expect(list.grid).toContainText(withPhone.name);

  // Nothing matches: the grid is empty and says so.
  await list.search.fill('no such customer zzqx');
  await list.expectShown(0);
  await expect(page.getByText('No customer matches')).toBeVisible();
});

test('keyboard-only walk through the grid opens the customer with Enter', async ({ page }) => {
  test.setTimeout(120_000);
  const list = await openWithConnection(page);
  await page.keyboard.press('Control+f');
  await expect(list.search).toBeFocused();
  await page.keyboard.press('Tab'); // the next control, then on to the grid
  await list.grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await list.activeIndex()).toBe(3);
  await page.keyboard.press('End');
  expect(await list.activeIndex()).toBe(listed.length);
  await expect(list.row(listed.length)).toBeVisible();
  await page.keyboard.press('PageUp');
  const afterPageUp = await list.activeIndex();
  expect(afterPageUp).toBeLessThan(listed.length - 5);
  await page.keyboard.press('Home');
  expect(await list.activeIndex()).toBe(1);
  const firstName = (await list.cellTexts(list.row(1)))[1];
  await page.keyboard.press('Enter');
  const open = (await page.evaluate(() =>
    (globalThis as unknown as { listE2e: { openCustomer(): unknown } }).listE2e.openCustomer(),
  )) as { kind: string; key: string };
  expect(open.kind).toBe('existing');
  expect(listed.find((c) => String(c.id) === open.key)?.name).toBe(firstName);
  await page.keyboard.press('Control+n');
  expect(
    await page.evaluate(() =>
      (globalThis as unknown as { listE2e: { openCustomer(): unknown } }).listE2e.openCustomer(),
    ),
  ).toEqual({ kind: 'new' });
});
