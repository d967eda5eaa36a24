// The harness joins the real renderer page in Chromium to main's services in Node: this spec calls
// `window.fieldbook` there end to end against the sandbox, and checks that a wrong secret is refused.
import { expect, test } from '@playwright/test';
import type { FieldbookApi } from '../../src-shared/ipc/fieldbook-api';
import {
  scratchTmpdir,
  startHarnessProcess,
  type RunningHarness,
} from '../support/harness-process';

let harness: RunningHarness;
let scratch: Awaited<ReturnType<typeof scratchTmpdir>> | undefined;

test.beforeAll(async () => {
  scratch = await scratchTmpdir();
  harness = await startHarnessProcess();
});
test.afterAll(async () => {
  await harness?.stop();
  await scratch?.release();
});

/** `window.fieldbook` inside page.evaluate (this file is compiled without the DOM library). */
declare global {
  var fieldbook: FieldbookApi;
}

test('a page at the harness URL drives main end to end through window.fieldbook', async ({
  page,
}) => {
  await page.goto(harness.url);
  const tried = await page.evaluate(() => globalThis.fieldbook.sandbox.tryIt());
  if (!tried.ok) throw new Error(tried.error.message);
  const revnue = tried.value.connections.find((c) => c.kind === 'revnue-v2');
  const r2 = tried.value.connections.find((c) => c.kind === 'r2');
  expect(revnue?.active).toBe(true);
  expect(revnue?.authState).toBe('signed_in');
  expect(JSON.stringify(tried)).not.toMatch(/rvn_|access_token|Bearer/);

  const name = `Harness Customer ${Date.now()}`;
  const result = await page.evaluate(
    async ({ connectionId, name }) => {
      const api = globalThis.fieldbook;
      const before = await api.revnue.customers.list({ connectionId });
      const created = await api.revnue.customers.create({
        connectionId,
        body: {
          company: 1,
          name,
          city: 'Leeds',
          contact_person: { name: 'Ann', email: 'ann@example.com' },
        },
      });
      if (!created.ok) return { before, created };
      const fetched = await api.revnue.customers.get({ connectionId, id: created.value.id });
      const found = await api.revnue.customers.findByName({
        connectionId,
        name: name.toUpperCase(),
      });
      return { before, created, fetched, found };
    },
    { connectionId: revnue!.id, name },
  );
  expect(result.before.ok && result.before.value.length).toBeGreaterThan(0);
  if (!result.created.ok) throw new Error(result.created.error.message);
  expect(result.fetched?.ok && result.fetched.value).toMatchObject({ name, city: 'Leeds' });
  expect(result.found?.ok && result.found.value?.id).toBe(result.created.value.id);

  // R2: the form-filling adapter completes the browser sign-in in the background.
  await expect
    .poll(async () =>
      page.evaluate(async (connectionId) => {
        const status = await globalThis.fieldbook.auth.status({ connectionId });
        return status.ok ? status.value.state : status.error.kind;
      }, r2!.id),
    )
    .toBe('signed_in');
  const company = `Harness R2 ${Date.now()}`;
  const r2Result = await page.evaluate(
    async ({ connectionId, company }) => {
      const api = globalThis.fieldbook;
      const page1 = await api.r2.customers.list({ connectionId, page: 1, pageSize: 10 });
      const created = await api.r2.customers.create({
        connectionId,
        body: { companyname: company },
      });
      if (!created.ok) return { page1, created };
      const fetched = await api.r2.customers.get({ connectionId, id: created.value.id });
      const found = await api.r2.customers.findByNaturalKey({ connectionId, companyname: company });
      return { page1, created, fetched, found };
    },
    { connectionId: r2!.id, company },
  );
  expect(r2Result.page1.ok && r2Result.page1.value.rows.length).toBe(10);
  if (!r2Result.created.ok) throw new Error(r2Result.created.error.message);
  expect(r2Result.fetched?.ok && r2Result.fetched.value.companyname).toBe(company);
  expect(r2Result.found?.ok && r2Result.found.value.map((c) => c.recordid)).toEqual([
    r2Result.created.value.id,
  ]);
});

test('a page with a wrong secret gets no access to main', async ({ page }) => {
  const wrong = new URL(harness.url);
  wrong.searchParams.set('harness', 'not-the-secret');
  await page.goto(wrong.href);
  const answer = await page.evaluate(() => globalThis.fieldbook.connections.list());
  expect(answer.ok ? 'ok' : answer.error.kind).toBe('network');
  const opened = await page.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve(true);
        socket.onerror = () => resolve(false);
      }),
    `${wrong.origin.replace('http', 'ws')}/__harness/ws?secret=not-the-secret`,
  );
  expect(opened).toBe(false);
});
