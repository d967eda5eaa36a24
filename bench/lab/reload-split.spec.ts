// Where the time goes from a reload of the real app to its first customer rows
// (docs/performance.md#first-rows-after-a-reload): the built renderer in Chromium through the e2e
// harness, ~10,000 Revnue customers synced from the reference sandbox, then reloads. An init
// script notes, since navigation start: the app's JS run, each IPC request and answer (the
// harness carries them over one WebSocket), IndexedDB opens, the search worker's start and first
// message, the Customers heading and the first grid row; the list's User Timing marks add when
// the main thread's read of the first rows resolved and when the worker first answered.
import { expect, test } from '../../e2e/fixtures/app-page';
import { CustomerList } from '../../e2e/pages/customer-list';
import { connectRevnue } from '../../e2e/support/connect';
import { revnueCustomers } from '../../e2e/support/reference-server';

test.use({ sandboxCustomers: 11_100 });

/** What the page reports: each noted moment, ms since navigation start, in order. */
type Moment = { at: number; what: string };

// Plain JS run in the page before the app (an init script): this file is compiled without the DOM
// library, like the e2e specs.
const instrument = `(() => {
  const split = [];
  const note = (what) => split.push({ at: performance.now(), what });
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    note('ipc → ' + String(data).slice(0, 90));
    if (!this.noted) {
      this.noted = true;
      this.addEventListener('message', (event) => note('ipc ← ' + String(event.data).slice(0, 90)));
    }
    send.call(this, data);
  };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, version) {
    note('idb open ' + name);
    const request = open.call(this, name, version);
    request.addEventListener('success', () => note('idb opened ' + name));
    return request;
  };
  const Native = Worker;
  globalThis.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      note('worker started');
      this.addEventListener('message', () => note('worker message'), { once: true });
    }
  };
  document.addEventListener('DOMContentLoaded', () => note('DOMContentLoaded'));
  const seen = new Set();
  new MutationObserver(() => {
    const once = (what, selector) => {
      if (!seen.has(what) && document.querySelector(selector)) {
        seen.add(what);
        note(what);
      }
    };
    once('app mounted', '#app > *');
    once('Customers heading', '#customers-heading');
    once('first grid row', '[role="row"] [role="gridcell"] .badge');
  }).observe(document, { childList: true, subtree: true });
  // Everything noted, the list's User Timing marks, the navigation and the files loaded, in order.
  globalThis.reloadSplit = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    return [
      ...split,
      ...performance.getEntriesByType('mark').map((m) => ({ at: m.startTime, what: 'mark ' + m.name })),
      { at: nav.responseEnd, what: 'HTML received' },
      { at: nav.domInteractive, what: 'HTML parsed' },
      ...performance
        .getEntriesByType('resource')
        .map((r) => ({ at: r.responseEnd, what: 'loaded ' + r.name.slice(-40) })),
    ].sort((a, b) => a.at - b.at);
  };
})();`;

test('reload split', async ({ appPage: page, sandbox }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await connectRevnue(page, sandbox, 'Reload split – Revnue');
  const list = new CustomerList(page);
  // Every customer of the company pulled and indexed: a reload before that is a reload in the
  // middle of the first sync, with more written since the remembered first screen than it covers.
  await list.expectShown((await revnueCustomers(sandbox)).length);
  // The worker remembers the first screen once its index is complete.
  await page.waitForTimeout(3_000);
  await page.addInitScript({ content: instrument });
  for (let run = 1; run <= 3; run += 1) {
    await page.reload();
    await expect(list.count).toHaveText(/customers$/, { timeout: 60_000 });
    const marks = await page.evaluate(() =>
      (globalThis as unknown as { reloadSplit(): Moment[] }).reloadSplit(),
    );
    console.log(`--- reload ${run}`);
    for (const mark of marks) console.log(`${mark.at.toFixed(1).padStart(8)} ms  ${mark.what}`);
    await page.waitForTimeout(2_000);
  }
  expect(await list.shown()).toBeGreaterThan(9_000);
});
