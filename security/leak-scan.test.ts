// Leak scan (docs/security.md): the real app — renderer in Chromium with a persistent profile,
// main's services in the harness — connects BOTH APIs through "Try the sandbox" (Revnue by token,
// R2 by OAuth in the browser), adds an R2 service account, syncs and writes to both. Then every
// file the run left (main's profile folder, Chromium's IndexedDB/LevelDB, Local Storage, caches and
// logs, main's log) and every IPC answer the page received are searched for the run's tokens and
// client secret, in plain, base64, URL-encoded and UTF-16 forms. 0 hits, counted as `leaks`.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';
import {
  scratchTmpdir,
  startHarnessProcess,
  type RunningHarness,
} from '../e2e/support/harness-process';
import { parseTokenSet, secretsOf } from '../src-main/auth/token-set';
import type { FieldbookApi } from '../src-shared/ipc/fieldbook-api';
import type { Result } from '../src-shared/ipc/result';
import { hitsIn, scanTree, type ScanResult, type Secret } from './support/leak-scanner';
import { reportCounts } from './support/summary';

interface ReferenceSandbox {
  url: string;
  revnue: { baseUrl: string; token: string; company: number };
  r2: { baseUrl: string; issuer: string; serviceClientId: string; serviceClientSecret: string };
}

const repo = join(import.meta.dirname, '..');
const revnueName = 'Sandbox – Revnue';
const r2Name = 'Sandbox – Unibiz R2';

/**
 * Not scanned, on purpose — each holds secrets by design and stands for something that is not
 * the salesperson's Fieldbook data:
 * - `harness-secrets.json`: the harness's file secret store, standing in for the OS keychain
 *   (e2e/harness/file-secret-store.ts). Where the secrets belong; the secrets are READ from it.
 * - `sandbox/sandbox-data.ndjson`: the sandbox SERVER's own
 *   database (its tokens, grants and keys) — in real use that is the API server's disk.
 */
const notScanned = (path: string) =>
  path === join('profile', 'harness-secrets.json') ||
  path === join('profile', 'sandbox', 'sandbox-data.ndjson');

let scratch: Awaited<ReturnType<typeof scratchTmpdir>>;
let harness: RunningHarness | undefined;
let context: BrowserContext | undefined;
let root = '';
let secrets: Secret[] = [];
let scan: ScanResult;
let answers: string[] = [];
let canaryScan: ScanResult;
/** What the app's sandbox says it issued (the same values may also be in the keychain). */
let issued: Secret[] = [];
const canary = `leak-scan-canary-${randomBytes(16).toString('hex')}`;
const counts = { leaks: 0, cases: 0 };
afterAll(() => reportCounts('leak-scan', counts));

beforeAll(async () => {
  if (!existsSync(join(repo, 'out/renderer/index.html'))) {
    throw new Error('out/renderer does not exist: run `npm run build` first (npm test builds).');
  }
  // Chromium's crash dumps and sockets land under TMPDIR: inside the scanned folder too.
  scratch = await scratchTmpdir();
  root = scratch.dir;
  const profile = join(root, 'profile');
  await mkdir(profile);
  harness = await startHarnessProcess(['--sandbox', '--profile', profile], {
    logFile: join(root, 'harness.log'),
  });
  context = await chromium.launchPersistentContext(join(root, 'chromium'), {
    executablePath: chromiumPath,
    // --enable-logging writes Chromium's own log (chrome_debug.log) into the profile: scanned.
    args: [...chromiumArgs, '--enable-logging', '--v=0'],
    headless: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  answers = recordAnswers(page);
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));

  const reference = harness.sandbox as ReferenceSandbox;
  await runTheApp(page, reference);
  // The scan's own proof that it can read IndexedDB and Local Storage: a canary string the page
  // stores there, which the scan must find (it is not one of the secrets).
  await page.evaluate(`(${plantCanary})(${JSON.stringify(canary)})`);
  await context.close();
  context = undefined;
  await harness.stop();
  harness = undefined;

  await writeFile(join(root, 'ipc-answers.ndjson'), answers.join('\n'));
  await writeFile(join(root, 'page-console.log'), consoleLines.join('\n'));
  secrets = await secretsOfTheRun(profile, reference);
  scan = await scanTree(root, secrets, notScanned);
  counts.leaks = scan.hits.length;
  counts.cases = scan.files + answers.length;
  canaryScan = await scanTree(root, [{ label: 'canary', value: canary }], notScanned);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await harness?.stop();
  await scratch?.release();
});

/** Every frame the page received over the harness bridge: the IPC answers and main's events. */
function recordAnswers(page: Page): string[] {
  const received: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => received.push(String(payload))),
  );
  return received;
}

async function runTheApp(page: Page, reference: ReferenceSandbox) {
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(harness!.url);
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await page.getByRole('link', { name: 'Settings' }).click();
  for (const name of [revnueName, r2Name]) {
    await page
      .locator('li.connection', { hasText: name })
      .locator('[data-auth-state="signed_in"]')
      .waitFor({ timeout: 30_000 });
  }
  // Both connections pull all their customers into IndexedDB: the grid counts what the store
  // holds, and the reference sandbox (same seed) says how many that is.
  const expected = await expectedCounts(reference);
  await page.getByRole('link', { name: 'Customers' }).click();
  for (const [name, count] of [
    [revnueName, expected.revnue],
    [r2Name, expected.r2],
  ] as const) {
    await selectConnection(page, name);
    // The grid's header row is its row 1, so the customers are aria-rowcount − 1.
    await page.locator(`[role="grid"][aria-rowcount="${count + 1}"]`).waitFor({ timeout: 30_000 });
  }
  // A write to each API through main (its token in the Authorization header), and an R2 service
  // account signed in with the reference sandbox's client secret, as Settings does.
  const wrote = await page.evaluate(writeThroughMain, reference.r2);
  expect(wrote).toEqual({ revnueCreated: true, r2Patched: true, serviceSignedIn: true });
}

/** Revnue lists one company; R2's list hides "Created in CRM" (as e2e/specs/start-screen). */
async function expectedCounts(reference: ReferenceSandbox) {
  const { revnue } = reference;
  const listed = await fetch(`${revnue.baseUrl}customer/?company=${revnue.company}`, {
    headers: { authorization: `Bearer ${revnue.token}` },
  });
  const state = await fetch(`${reference.url}/_sandbox/state`);
  const { counts } = (await state.json()) as {
    counts: { r2Customers: number; r2HiddenFromList: number };
  };
  const revnueCount = ((await listed.json()) as unknown[]).length;
  expect(revnueCount).toBeGreaterThan(0);
  return { revnue: revnueCount, r2: counts.r2Customers - counts.r2HiddenFromList };
}

async function selectConnection(page: Page, name: string) {
  const switcher = page.getByRole('combobox', { name: 'Connection' });
  const label = await switcher.locator('option', { hasText: name }).first().textContent();
  await switcher.selectOption({ label: label ?? name });
}

/** Runs in the page: only window.fieldbook, as the renderer has it. */
async function writeThroughMain(r2: ReferenceSandbox['r2']) {
  const api = (globalThis as unknown as { fieldbook: FieldbookApi }).fieldbook;
  const valueOf = <T>(answer: Result<T>): T => {
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const { connections } = valueOf(await api.connections.list());
  const revnue = connections.find((c) => c.kind === 'revnue-v2')!;
  const oauth = connections.find((c) => c.kind === 'r2')!;
  const created = await api.revnue.customers.create({
    connectionId: revnue.id,
    body: { company: 1, name: `Leak Scan ${Date.now()}` },
  });
  const { rows } = valueOf(await api.r2.customers.list({ connectionId: oauth.id, pageSize: 1 }));
  const patched = await api.r2.customers.patch({
    connectionId: oauth.id,
    id: rows[0]!.recordid,
    body: { phonenumber: '+44 113 496 0000' },
  });
  const service = valueOf(
    await api.connections.create({
      kind: 'r2',
      name: 'R2 service account',
      baseUrl: r2.baseUrl,
      auth: { mode: 'client_credentials', clientId: r2.serviceClientId, issuer: r2.issuer },
    }),
  );
  const signedIn = await api.auth.signInService({
    connectionId: service.id,
    clientSecret: r2.serviceClientSecret,
  });
  return { revnueCreated: created.ok, r2Patched: patched.ok, serviceSignedIn: signedIn.ok };
}

/**
 * Runs in the page (a string: this file is type-checked without the DOM library): the canary
 * into Local Storage and, durably, into an IndexedDB database of its own.
 */
const plantCanary = `async (value) => {
  localStorage.setItem('leak-scan-canary', value);
  await new Promise((resolve, reject) => {
    const open = indexedDB.open('leak-scan-canary', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('canary');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('canary', 'readwrite', { durability: 'strict' });
      tx.objectStore('canary').put({ value }, 'canary');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
}`;

/** What the run's sign-ins hold (from the keychain stand-in) and what the reference gave out. */
async function secretsOfTheRun(profile: string, reference: ReferenceSandbox): Promise<Secret[]> {
  const stored = JSON.parse(
    await readFile(join(profile, 'harness-secrets.json'), 'utf8'),
  ) as Record<string, string>;
  const found: Secret[] = [];
  for (const [connection, secret] of Object.entries(stored)) {
    const tokens = parseTokenSet(secret);
    if (!tokens) throw new Error(`the keychain entry of ${connection} is not a token set`);
    secretsOf(tokens).forEach((value, index) =>
      found.push({ label: `${tokens.kind}[${index}] of ${connection}`, value }),
    );
  }
  found.push({ label: 'reference Revnue token', value: reference.revnue.token });
  found.push({ label: 'R2 service client secret', value: reference.r2.serviceClientSecret });
  issued = await issuedByTheAppSandbox(profile);
  return dedupeSecrets([...found, ...issued]);
}

/**
 * Every secret the app's own sandbox (the one "Try the sandbox" started) gave out, from its data
 * file: its Revnue tokens, its service client secret, and every OAuth authorization code, access
 * and refresh token it issued — also those rotated away during the run, which the keychain no
 * longer holds.
 */
async function issuedByTheAppSandbox(profile: string): Promise<Secret[]> {
  const [first] = (await readFile(join(profile, 'sandbox', 'sandbox-data.ndjson'), 'utf8')).split(
    '\n',
  );
  const { header } = JSON.parse(first!) as {
    header: {
      revnue: { tokens: string[] };
      secrets: { serviceClientSecret: string };
      oauth: [string, unknown][];
    };
  };
  const issued = header.oauth
    .map(([key]) =>
      /^(AuthorizationCode|AccessToken|RefreshToken|ClientCredentials):(.+)$/.exec(key),
    )
    .filter((match) => match !== null)
    .map(([, kind, value]) => ({ label: `sandbox ${kind}`, value: value! }));
  return [
    ...header.revnue.tokens.map((value) => ({ label: 'sandbox Revnue token', value })),
    { label: 'sandbox service client secret', value: header.secrets.serviceClientSecret },
    ...issued,
  ];
}

function dedupeSecrets(found: Secret[]): Secret[] {
  const seen = new Set<string>();
  return found.filter(({ value }) => !seen.has(value) && seen.add(value));
}

describe('leak scan after a run with both APIs', () => {
  test('the scan really looked: secrets known, files scanned, answers recorded', async () => {
    const kinds = secrets.map((s) => s.label.split('[')[0]);
    expect(kinds).toEqual(
      expect.arrayContaining(['revnue_token', 'oauth_pkce', 'oauth_client_credentials']),
    );
    // R2 by OAuth: access AND refresh token; the service account: access token and secret.
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    // The app's sandbox issued at least a code, an access and a refresh token to the R2 sign-in.
    for (const kind of ['AuthorizationCode', 'AccessToken', 'RefreshToken']) {
      expect(issued.map((s) => s.label)).toContain(`sandbox ${kind}`);
    }
    const searched = new Set(secrets.map((s) => s.value));
    expect(issued.every((s) => searched.has(s.value))).toBe(true);
    expect(scan.files).toBeGreaterThan(20);
    expect(answers.length).toBeGreaterThan(10);
    // The logs were captured: main's request lines for both APIs, and Chromium's own log.
    const mainLog = await readFile(join(root, 'harness.log'), 'utf8');
    expect(mainLog).toMatch(/\[revnue-v2 [^\]]+\] GET customer\//);
    expect(mainLog).toMatch(/\[r2 [^\]]+\] PATCH customers\//);
    expect(existsSync(join(root, 'chromium', 'chrome_debug.log'))).toBe(true);
  });

  test('it finds the canary the page stored in IndexedDB and in Local Storage', () => {
    const where = canaryScan.hits.map((hit) => hit.where);
    expect(where.some((path) => path.includes('IndexedDB'))).toBe(true);
    expect(where.some((path) => path.includes('Local Storage'))).toBe(true);
  });

  test('a token planted in a scanned file is found, in each form it could take', async () => {
    const token = secrets.find((s) => s.label.startsWith('oauth_pkce'))!;
    const planted = join(root, 'planted');
    await mkdir(planted, { recursive: true });
    const forms = {
      'plain.json': JSON.stringify({ note: token.value }),
      'base64.txt': Buffer.from(`Bearer ${token.value}`).toString('base64'),
      'url.log': `GET /cb?access_token=${encodeURIComponent(token.value)}`,
      'utf16.bin': Buffer.from(`x${token.value}x`, 'utf16le').toString('latin1'),
    };
    for (const [name, content] of Object.entries(forms)) {
      await writeFile(join(planted, name), content, name.endsWith('.bin') ? 'latin1' : 'utf8');
    }
    const found = await scanTree(planted, secrets);
    expect(found.hits.map((hit) => hit.where).sort()).toEqual(Object.keys(forms).sort());
    expect(found.hits.every((hit) => hit.secret === token.label)).toBe(true);
    // …and the recorded answers are searched the same way.
    expect(hitsIn('answer', Buffer.from(`{"value":"${token.value}"}`), secrets)).toHaveLength(1);
  });

  test('no token or client secret anywhere: profile, IndexedDB, logs, IPC answers', () => {
    expect(scan.hits).toEqual([]);
  });
});
