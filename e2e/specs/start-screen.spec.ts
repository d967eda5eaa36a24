// The first run of a fresh profile: the start screen offers Try the sandbox, main starts the
// sandbox and adds both connections, R2 finishes its browser sign-in in the background (the page
// hears it as an auth.changed event, it never asks), and each connection shows as many
// customers as the sandbox serves.
import { expect, test } from '@playwright/test';
import { StartScreen } from '../pages/start-screen';
import {
  scratchTmpdir,
  startHarnessProcess,
  type RunningHarness,
} from '../support/harness-process';

interface SandboxLine {
  url: string;
  revnue: { baseUrl: string; token: string; company: number };
}
interface SandboxCounts {
  counts: { revnueCustomers: number; r2Customers: number; r2HiddenFromList: number };
}

let harness: RunningHarness;
let scratch: Awaited<ReturnType<typeof scratchTmpdir>> | undefined;

test.beforeAll(async () => {
  scratch = await scratchTmpdir();
  // No --profile: a fresh temporary profile with no connections. --sandbox starts a reference
  // sandbox (same seed, so the same demo data as the one Try the sandbox starts) whose admin
  // token lets this spec count customers independently of the app.
  harness = await startHarnessProcess(['--sandbox']);
});
test.afterAll(async () => {
  await harness?.stop();
  await scratch?.release();
});

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, { headers });
  expect(response.status, url).toBe(200);
  return (await response.json()) as T;
}

/** What each connection should count: Revnue lists one company; R2's list hides "Created in CRM". */
async function expectedCounts(reference: SandboxLine) {
  const { revnue } = reference;
  const listed = await getJson<unknown[]>(`${revnue.baseUrl}customer/?company=${revnue.company}`, {
    authorization: `Bearer ${revnue.token}`,
  });
  const { counts } = await getJson<SandboxCounts>(`${reference.url}/_sandbox/state`);
  return { counts, revnue: listed.length, r2: counts.r2Customers - counts.r2HiddenFromList };
}

test('Try the sandbox connects a fresh profile to both APIs and counts their customers', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const reference = harness.sandbox as SandboxLine;
  const expected = await expectedCounts(reference);
  expect(expected.revnue).toBeGreaterThan(0);
  expect(expected.r2).toBeGreaterThan(0);

  // What crosses the harness socket: the page's requests, and main's events to it.
  const asked: string[] = [];
  const heard: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) =>
      asked.push(String(JSON.parse(String(payload)).channel)),
    );
    socket.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { event?: string };
      if (message.event) heard.push(message.event);
    });
  });

  const screen = new StartScreen(page);
  await screen.open(harness.url);
  await expect(screen.welcome).toBeVisible();
  await expect(screen.addRevnue).toBeVisible();
  await expect(screen.tryTheSandbox).toBeEnabled();
  await screen.tryTheSandbox.click();
  await screen.openSettings();

  await expect(screen.connectionItems).toHaveCount(2);
  const revnue = 'Sandbox – Revnue';
  const r2 = 'Sandbox – Unibiz R2';
  await expect(screen.connection(revnue)).toContainText('Revnue API v2');
  await expect(screen.connection(r2)).toContainText('Unibiz R2');
  await expect(screen.authBadge(revnue)).toHaveText('Signed in');
  await expect(screen.authBadge(r2)).toHaveText('Signed in', { timeout: 20_000 });
  // No reload and no polling: the badge changed because main announced the sign-in.
  expect(heard).toContain('auth.changed');
  expect(heard).toContain('connections.changed');
  expect(asked).not.toContain('auth.status');

  // The app's sandbox is another instance than the reference one: prove it serves the same data.
  const shownUrl = await screen.connection(revnue).locator('.url').textContent();
  const appSandbox = new URL(shownUrl ?? '').origin;
  expect(appSandbox).not.toBe(reference.url);
  const appState = await getJson<SandboxCounts>(`${appSandbox}/_sandbox/state`);
  expect(appState.counts).toEqual(expected.counts);

  // The customer counts moved to the Customers screen (H2's list); here: the switcher works.
  await screen.expectActive(revnue);
  await screen.select(r2);
  await screen.expectActive(r2);
  await page.screenshot({ path: 'test-results/start-screen-r2.png' });
  await screen.select(revnue);
  await screen.expectActive(revnue);
});
