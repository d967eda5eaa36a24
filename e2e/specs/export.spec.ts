// Export through the harness: the app's Customers screen on a Revnue sandbox connection, a search,
// then Export → CSV. Without a desktop main answers "download", so the file arrives as a browser
// download; its rows must be the rows the grid shows, in the grid's order, cell for cell.
import { readFile } from 'node:fs/promises';
import { expect, target, test } from '../fixtures/app-page';
import { CustomerList } from '../pages/customer-list';
import { Shell } from '../pages/shell';
import { connectRevnue } from '../support/connect';
import { parseCsv } from '../../src-shared/export/test-support/rfc4180-parse';
import { guardFormula } from '../../src-shared/export/csv';

test('export of a searched view: the downloaded CSV rows equal the view rows', async ({
  appPage: page,
  sandbox,
}) => {
  // The harness run (every CI run) covers this end to end through the download path. In Electron
  // the native save dialog waits for a person and cannot be driven from Playwright; main's side of
  // that path (dialog, temp file, rename, cancel, write errors) is covered by
  // src-main/export/export-handlers.test.ts with the dialog stubbed.
  test.skip(target === 'electron', 'in Electron the native save dialog asks where to save');
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await connectRevnue(page, sandbox, 'Export – Revnue');
  await new Shell(page).expectActive('Export – Revnue');
  const list = new CustomerList(page);
  await expect.poll(() => list.shown(), { timeout: 60_000 }).toBeGreaterThan(20);

  // A view of a few customers, so every row is on screen to compare with.
  const firstName = (await list.cellTexts(1))[1]!;
  await list.search.fill(firstName);
  await expect.poll(() => list.shown()).toBeLessThan(20);
  const shown = await list.shown();
  const gridRows: string[][] = [];
  for (let index = 1; index <= shown; index += 1) {
    gridRows.push(await list.cellTexts(index));
  }

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export customers' });
  await expect(dialog).toContainText(`In this view (${shown} customer`);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^Customers Export – Revnue \d{4}-\d{2}-\d{2}\.csv$/,
  );
  await expect(dialog.getByRole('status')).toHaveText(
    `Exported ${shown} customer${shown === 1 ? '' : 's'} to ${download.suggestedFilename()}`,
  );

  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
  expect(header!.at(-1)).toBe('Sync state');
  // The grid's cells: the badge first, then the list's columns (as the CSV writes them).
  expect(rows).toEqual(
    gridRows.map(([badge, ...cells]) => [...cells.map(guardFormula), badge!.trim()]),
  );
});
