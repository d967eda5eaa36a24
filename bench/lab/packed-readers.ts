// `npx tsx bench/lab/packed-readers.ts [customers] [rounds]`: what the READERS of the customer
// store would cost if a first sync stored one IndexedDB value per list page of summaries instead
// of one row per customer. Chromium's IndexedDB alone (no Dexie, no HTTP, no folding), with
// copies of real stored rows (app-rows.ts), for three layouts:
//   rows       one row per customer, three indexes (today's `customers` table)
//   packed     one value per 200 customers plus a key → page row per customer (no index)
//   ranged     one value per 200 customers keyed by its first key: the page of a key is the last
//              page whose first key is ≤ it (one cursor step); needs pages in key order
// and for each: the first sync's write, reading the whole connection (the search worker's first
// load), 60 customers by key spread over the list (a first screenful by name), the same 60
// remembered as one value (what the plan proposes instead) and one customer by key (the editor). docs/performance.md ("Packed summary pages: the plan") holds the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../e2e/chromium';
import { appRowTemplates, labConnectionId } from './app-rows';
import { chromiumCpu, processTable } from './process-cpu';

const customers = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 1);
/** Customers per list page (an R2 page of 500 list rows is ~200 customers). */
const pageSize = 200;
const screenfuls = 20;
const singles = 200;

type LayoutName = 'rows' | 'packed' | 'ranged';
const layoutNames: LayoutName[] = ['rows', 'packed', 'ranged'];
type Step = 'write' | 'whole' | 'screenful' | 'remember' | 'remembered' | 'single';

// A profile on disk, as the app's: an incognito page keeps IndexedDB in memory, with a quota
// too small for 1,000,000 customers.
const profile = mkdtempSync(join(tmpdir(), 'packed-readers-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  args: chromiumArgs,
});
const page = browser.pages()[0] ?? (await browser.newPage());
// tsx keeps function names through an `__name` helper that the page does not have.
await page.addInitScript('globalThis.__name = (fn) => fn');
// IndexedDB needs an origin; a data: or about:blank page has none, so serve a blank page.
await page.route('http://lab.invalid/', (route) =>
  route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>lab</title>' }),
);
await page.goto('http://lab.invalid/');
await page.evaluate(
  ({ templates, connectionId }) => {
    Object.assign(globalThis, { appRows: templates, connectionId });
  },
  { templates: appRowTemplates(1_000), connectionId: labConnectionId },
);

/** One step of one layout, inside the page: answers wall ms and a count that proves the work. */
function runStep(layout: LayoutName, step: Step, round: number) {
  return page.evaluate(
    async ({ layout, step, round, customers, pageSize, screenfuls, singles }) => {
      // Untyped on purpose: this file compiles for Node, without the DOM's IndexedDB types.
      /* eslint-disable @typescript-eslint/no-explicit-any */
      const g = globalThis as any;
      const indexedDB = g.indexedDB;
      const conn: string = g.connectionId;
      const dbName = `packed-readers-${layout}-${round}`;
      const done = (request: any) =>
        new Promise<any>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const finished = (tx: any) =>
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = tx.onabort = () => reject(tx.error);
        });
      // Keys in the order the list pages bring them; strings of one length sort like numbers.
      const keyOf = (n: number) => String(1_000_000 + n);
      const appRow = (n: number) => {
        const row = structuredClone(g.appRows[n % g.appRows.length]);
        const id = keyOf(n);
        const record = { ...row.record, recordid: id };
        return { ...row, key: id, serverId: id, record, base: record, updatedAt: 1.7e12 + n };
      };
      // A fixed spread of keys (the same for every layout): a screen sorted by name draws its
      // customers from anywhere in the server's order.
      let seed = 12345;
      const randomIndex = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % customers;
      };
      const stores = {
        rows: ['customers'],
        packed: ['summaryPages', 'pageOfKey'],
        ranged: ['summaryPages'],
      }[layout];

      if (step === 'write') {
        await done(indexedDB.deleteDatabase(dbName));
        const open = indexedDB.open(dbName, 1);
        open.onupgradeneeded = () => {
          const db = open.result;
          if (layout === 'rows') {
            const rows = db.createObjectStore('customers', { keyPath: ['connectionId', 'key'] });
            rows.createIndex('serverId', ['connectionId', 'serverId']);
            rows.createIndex('hydrateRank', ['connectionId', 'hydrateRank']);
            rows.createIndex('updatedAt', ['connectionId', 'updatedAt']);
          } else {
            db.createObjectStore('summaryPages', { keyPath: ['connectionId', 'firstKey'] });
            if (layout === 'packed')
              db.createObjectStore('pageOfKey', { keyPath: ['connectionId', 'key'] });
          }
          // The first screen's rows remembered as one value, as the plan proposes for pages.
          db.createObjectStore('firstScreen', { keyPath: 'connectionId' });
        };
        g.db = await done(open);
        let ms = 0;
        for (let from = 0; from < customers; from += pageSize) {
          const rows = Array.from({ length: Math.min(pageSize, customers - from) }, (_, i) =>
            appRow(from + i),
          );
          const started = performance.now();
          // Relaxed, as the pull's writes are: the server can always send them again.
          const tx = g.db.transaction(stores, 'readwrite', { durability: 'relaxed' });
          if (layout === 'rows') for (const row of rows) tx.objectStore('customers').put(row);
          else {
            // A page holds the server's summaries only: the rest of a synced summary's row
            // (state, hydration, no remote, no errors) is the same for all and is derived.
            const firstKey = rows[0].key;
            tx.objectStore('summaryPages').put({
              connectionId: conn,
              firstKey,
              records: rows.map((row) => row.record),
            });
            if (layout === 'packed')
              for (const row of rows)
                tx.objectStore('pageOfKey').put({ connectionId: conn, key: row.key, firstKey });
          }
          await finished(tx);
          ms += performance.now() - started;
        }
        return { ms, count: customers };
      }

      const db = g.db;
      const started = performance.now();
      let count = 0;
      /** The record of `key` in a page value. */
      const inPage = (value: any, key: string) =>
        value.records.find((record: any) => record.recordid === key);
      /** Pages (by first key) holding `keys`, for the packed and ranged layouts. */
      const pagesOf = async (tx: any, keys: string[]): Promise<string[]> => {
        if (layout === 'packed') {
          const store = tx.objectStore('pageOfKey');
          const found = await Promise.all(keys.map((key) => done(store.get([conn, key]))));
          return found.map((entry) => entry.firstKey);
        }
        const store = tx.objectStore('summaryPages');
        return Promise.all(
          keys.map(async (key) => {
            const range = g.IDBKeyRange.bound([conn, ''], [conn, key]);
            const cursor = await done(store.openKeyCursor(range, 'prev'));
            return cursor.primaryKey[1];
          }),
        );
      };
      /** The records of `keys` that are here. */
      const recordsOf = async (keys: string[]): Promise<any[]> => {
        if (layout === 'rows') {
          const tx = db.transaction(['customers'], 'readonly');
          const store = tx.objectStore('customers');
          const rows = await Promise.all(keys.map((key) => done(store.get([conn, key]))));
          return rows.filter(Boolean).map((row) => row.record);
        }
        const tx = db.transaction(stores, 'readonly');
        const firstKeys = await pagesOf(tx, keys);
        const store = tx.objectStore('summaryPages');
        const pages = new Map<string, any>();
        await Promise.all(
          [...new Set(firstKeys)].map(async (firstKey) =>
            pages.set(firstKey, await done(store.get([conn, firstKey]))),
          ),
        );
        return keys.flatMap((key, i) => inPage(pages.get(firstKeys[i]!), key) ?? []);
      };
      const byKeys = async (keys: string[]) => (await recordsOf(keys)).length;

      if (step === 'whole') {
        // In slices, as a reader that keeps its memory bounded would (the export's pages).
        const slice = layout === 'rows' ? 2_000 : 10;
        const storeName = layout === 'rows' ? 'customers' : 'summaryPages';
        let lower: unknown[] = [conn, ''];
        let open = false;
        for (;;) {
          const tx = db.transaction([storeName], 'readonly');
          const range = g.IDBKeyRange.bound(lower, [conn, '\uffff'], open, false);
          const values: any[] = await done(tx.objectStore(storeName).getAll(range, slice));
          if (values.length === 0) break;
          const last = values.at(-1);
          lower = [conn, layout === 'rows' ? last.key : last.firstKey];
          open = true;
          for (const value of values) count += layout === 'rows' ? 1 : value.records.length;
        }
      } else if (step === 'remember') {
        // Written once when the screen is saved (not measured), then read back by 'remembered'.
        const records = await recordsOf(Array.from({ length: 60 }, () => keyOf(randomIndex())));
        const write = db.transaction(['firstScreen'], 'readwrite');
        write.objectStore('firstScreen').put({ connectionId: conn, records });
        await finished(write);
      } else if (step === 'remembered') {
        for (let s = 0; s < screenfuls; s++) {
          const tx = db.transaction(['firstScreen'], 'readonly');
          count += (await done(tx.objectStore('firstScreen').get(conn))).records.length;
        }
      } else if (step === 'screenful') {
        for (let s = 0; s < screenfuls; s++)
          count += await byKeys(Array.from({ length: 60 }, () => keyOf(randomIndex())));
      } else {
        for (let s = 0; s < singles; s++) count += await byKeys([keyOf(randomIndex())]);
      }
      return { ms: performance.now() - started, count };
    },
    { layout, step, round, customers, pageSize, screenfuls, singles },
  );
}

/**
 * CPU ms of Chromium's IndexedDB backend (browser thread pool), of the whole browser process
 * (a big value goes to a blob file, which other threads may write) and of the page's main thread.
 */
function chromiumSplit() {
  const cpu = chromiumCpu(processTable(), [process.pid]);
  return {
    backend: cpu.get('  chromium browser / ThreadPoolForeg') ?? 0,
    browser: cpu.get('chromium browser') ?? 0,
    page: cpu.get('  chromium renderer / chromium') ?? 0,
  };
}

const steps: [Step, string, number][] = [
  ['write', 'first sync write', customers],
  ['whole', 'whole connection', 1],
  ['screenful', '60 by key', screenfuls],
  ['remembered', '60 remembered', screenfuls],
  ['single', '1 by key', singles],
];
console.log(
  `packed readers: ${customers.toLocaleString('en')} customers, ${pageSize} per page, ` +
    `${rounds} round(s)`,
);
for (let round = 0; round < rounds; round++) {
  for (const layout of layoutNames) {
    for (const [step, label, repeats] of steps) {
      if (step === 'remembered') await runStep(layout, 'remember', round);
      const before = chromiumSplit();
      const { ms, count } = await runStep(layout, step, round);
      const after = chromiumSplit();
      // The write per 200 customers (one list page); the others per read.
      const per = step === 'write' ? repeats / pageSize : repeats;
      const cpu = (ms: number) => (ms / per).toFixed(step === 'single' ? 2 : 1);
      const rate =
        step === 'write' ? `, ${Math.round((customers / ms) * 1000).toLocaleString('en')}/s` : '';
      console.log(
        `${layout.padEnd(6)} ${label.padEnd(16)} wall ${(ms / per).toFixed(2)} ms per ` +
          `${step === 'write' ? '200' : 'read'}${rate} (total ${Math.round(ms)} ms, ${count} found), ` +
          `CPU per ${step === 'write' ? '200' : 'read'}: backend ${cpu(after.backend - before.backend)} ms ` +
          `(browser ${cpu(after.browser - before.browser)} ms), ` +
          `page ${cpu(after.page - before.page)} ms, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    await page.evaluate((name) => {
      const g = globalThis as unknown as {
        db: { close(): void };
        indexedDB: { deleteDatabase(name: string): unknown };
      };
      g.db.close();
      g.indexedDB.deleteDatabase(name);
    }, `packed-readers-${layout}-${round}`);
  }
}
await browser.close();
rmSync(profile, { recursive: true, force: true });
