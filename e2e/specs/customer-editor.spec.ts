// The customer editor end to end: the Customers screen wired like the app (e2e/list-page) in
// Debian's Chromium, main's services in Node (the harness), the sandbox's Revnue API over real
// HTTP. A new customer is refused offline for a name already used, saved on this computer, and
// reaches the server through the sync engine; axe (injected) reports nothing on the editor.
import { expect, test, type Page } from '@playwright/test';
import axe from 'axe-core';
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
}

let sandbox: Sandbox;
let harness: RunningHarness;
let pageDir: string;
let scratch: Awaited<ReturnType<typeof scratchTmpdir>> | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  scratch = await scratchTmpdir();
  pageDir = await mkdtemp(join(tmpdir(), 'fieldbook-editor-page-'));
  [sandbox] = await Promise.all([
    startSandbox({ port: 0, customers: 40, log: () => {} }),
    buildVitePage(fileURLToPath(new URL('../list-page/', import.meta.url)), pageDir),
  ]);
  harness = await startHarnessProcess(['--renderer', pageDir]);
});
test.afterAll(async () => {
  await harness?.stop();
  await sandbox?.close();
  await rm(pageDir, { recursive: true, force: true });
  await scratch?.release();
});

async function serverCustomers(): Promise<RevnueCustomer[]> {
  const { baseUrl, company, token } = sandbox.revnue;
  const answer = await fetch(new URL(`customer/?company=${company}`, baseUrl), {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await answer.json()) as RevnueCustomer[];
}

async function openWithConnection(page: Page): Promise<CustomerList> {
  await page.setViewportSize({ width: 1400, height: 900 });
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
  await list.expectShown((await serverCustomers()).length);
  return list;
}

test('a new customer: a used name is refused offline, then it is saved and synced', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const list = await openWithConnection(page);
  const taken = (await serverCustomers())[0]!.name;
  await list.newCustomer.click();
  const editor = page.getByRole('form', { name: 'Customer' });
  const name = editor.getByLabel('Name', { exact: true });
  await name.fill(taken.toUpperCase());
  await expect(editor).toContainText(`already exists in Revnue`);
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  // Evaluated rather than a <script> tag: the page's CSP (script-src 'self') stays as the app's.
  await page.evaluate(axe.source);
  const violations = await page.locator('.customers-screen').evaluate(async (root) => {
    const injected = (
      globalThis as unknown as {
        axe: { run(root: unknown): Promise<{ violations: { id: string }[] }> };
      }
    ).axe;
    return (await injected.run(root)).violations.map((v) => v.id);
  });
  expect(violations).toEqual([]);

  const fresh = `Editor E2E ${Date.now()}`;
  await name.fill(fresh);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await editor.getByLabel('City', { exact: true }).fill('Hamburg');
  await page.keyboard.press('Control+s');
  await expect(editor.getByRole('status')).toContainText('Saved on this computer.');
  await expect(page.getByRole('heading', { name: fresh })).toBeVisible();

  // The sync engine pushes it: the server lists it once.
  await expect
    .poll(async () => (await serverCustomers()).filter((c) => c.name === fresh).length, {
      timeout: 60_000,
    })
    .toBe(1);
  const created = (await serverCustomers()).find((c) => c.name === fresh);
  expect(created?.city).toBe('Hamburg');
});
