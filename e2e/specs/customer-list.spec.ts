// Search and scroll with 10,000 customers on the app's Customers screen, and a keyboard walk of
// its grid: a reference sandbox seeded so that the connection's company has about 10,000 Revnue
// customers, a connection added as Settings adds one, the first sync over real HTTP, then the list.
import { expect, test } from '../fixtures/app-page';
import { CustomerList } from '../pages/customer-list';
import { Shell } from '../pages/shell';
import { connectRevnue } from '../support/connect';
import { revnueCustomers, type RevnueCustomer } from '../support/reference-server';
import type { Page } from '@playwright/test';
import type { Sandbox } from '../../sandbox/index';

// One customer in ten belongs to the second company: 11,100 gives the first about 10,000.
test.use({ sandboxCustomers: 11_100 });

let listed: RevnueCustomer[] = [];

async function openList(page: Page, sandbox: Sandbox): Promise<CustomerList> {
  await page.setViewportSize({ width: 1200, height: 800 });
  if (listed.length === 0) listed = await revnueCustomers(sandbox);
  await connectRevnue(page, sandbox, 'Ten thousand – Revnue');
  const shell = new Shell(page);
  await shell.expectActive('Ten thousand – Revnue');
  await expect(shell.link('Customers')).toHaveAttribute('aria-current', 'page');
  const list = new CustomerList(page);
  await list.expectShown(listed.length);
  return list;
}

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

test('search as you type and scroll to the end with 10,000 customers', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(180_000);
  const list = await openList(page, sandbox);
  expect(listed.length).toBeGreaterThan(9_500);
  await expect(list.count).toHaveText(`${listed.length.toLocaleString('en')} customers`);

  // Scrolling to the end renders the last rows, and only a screenful is in the DOM.
  await list.grid.evaluate((grid) => (grid.scrollTop = grid.scrollHeight));
  await expect(list.row(listed.length)).toBeVisible();
  expect(await list.rows.count()).toBeLessThan(80);

  // A name, typed key by key: every customer whose name holds both words, nothing else.
  const target = listed[Math.floor(listed.length / 2)]!;
  const typed = words(target.name).slice(0, 2).join(' ');
  await list.search.pressSequentially(typed);
  const byName = listed.filter((c) => words(typed).every((w) => c.name.toLowerCase().includes(w)));
  await list.expectShown(byName.length);
  await expect(list.grid).toContainText(target.name);

  // A city: every customer of it is found (other fields may hold the word too).
  const withCity = listed.find((c) => (c.city ?? '').length > 3)!;
  await list.search.fill(withCity.city!);
  const city = withCity.city!.toLowerCase();
  const inCity = listed.filter((c) => (c.city ?? '').toLowerCase().includes(city)).length;
  await expect.poll(() => list.shown()).toBeGreaterThanOrEqual(inCity);
  expect(await list.shown()).toBeLessThan(listed.length);

  // A phone number, typed with other separators than stored: found by its digits.
  const withPhone = listed.find((c) => (c.phone ?? '').replace(/\D/g, '').length >= 7)!;
  const digits = withPhone.phone!.replace(/\D/g, '');
  await list.search.fill(`${digits.slice(0, 3)} ${digits.slice(3, 7)}`);
  await expect(list.grid).toContainText(withPhone.name);
  expect(await list.shown()).toBeLessThan(listed.length);

  // Nothing matches: the grid is empty and says so.
  await list.search.fill('no such customer zzqx');
  await list.expectShown(0);
  await expect(page.getByText('No customer matches')).toBeVisible();
  await list.search.fill('');
  await list.expectShown(listed.length);
});

test('keyboard walk through the grid: arrows, End, PageUp, Home, Enter opens the customer', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(180_000);
  const list = await openList(page, sandbox);
  await page.keyboard.press('Control+f');
  await expect(list.search).toBeFocused();
  await list.grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await list.activeIndex()).toBe(3);
  await page.keyboard.press('ArrowUp');
  expect(await list.activeIndex()).toBe(2);
  await page.keyboard.press('End');
  expect(await list.activeIndex()).toBe(listed.length);
  await expect(list.row(listed.length)).toBeVisible();
  await page.keyboard.press('PageUp');
  expect(await list.activeIndex()).toBeLessThan(listed.length - 5);
  await page.keyboard.press('Home');
  expect(await list.activeIndex()).toBe(1);
  await expect(list.row(1)).toHaveAttribute('aria-selected', 'true');
  // The Country column shows the name Revnue answers with (the lookup), not the stored code.
  const [, firstName = '', , country = ''] = await list.cellTexts(1);
  expect(country).toBe(listed.find((c) => c.name === firstName)?.country);
  await page.keyboard.press('Enter');
  // The editor opens beside the list (its form is "Customer").
  await expect(page.getByLabel('Customer', { exact: true })).toBeVisible();
});
