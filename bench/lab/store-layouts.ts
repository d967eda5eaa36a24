// `npx tsx bench/lab/store-layouts.ts [customers] [rounds]`: how fast Chromium's IndexedDB can
// take a first sync's customer summaries under different layouts, with nothing else in the way
// (no HTTP, no IPC, no folding). It answers one question: can the one-row-per-customer layout
// ever store 20,000 customers a second on this hardware, and what would a packed layout give?
// docs/performance.md ("Is 20,000 customers/s reachable in IndexedDB?") holds the figures.
import { loadavg } from 'node:os';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../e2e/chromium';
import { appRowTemplates } from './app-rows';
import { chromiumCpu, processTable } from './process-cpu';

const customers = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 2);

/** A layout: how a batch of rows becomes IndexedDB writes. Runs inside the page. */
interface Layout {
  readonly name: string;
  /** Object stores: [name, keyPath, indexes as [name, keyPath][]]. */
  readonly stores: [string, string | string[], [string, string | string[]][]][];
  /** Rows per transaction (a list page is 500). */
  readonly rowsPerTransaction: number;
  /** 'row': one value per customer; 'chunk': one value holding the whole transaction's rows. */
  readonly value: 'row' | 'chunk';
  /** 'synthetic': a small made-up summary; 'app': copies of real stored rows (app-rows.ts). */
  readonly rows: 'synthetic' | 'app';
}

const customerIndexes: [string, string | string[]][] = [
  ['serverId', ['connectionId', 'serverId']],
  ['hydrateRank', ['connectionId', 'hydrateRank']],
  ['updatedAt', ['connectionId', 'updatedAt']],
];
const rowStore = (indexes: [string, string | string[]][]): Layout['stores'] => [
  ['customers', ['connectionId', 'key'], indexes],
];

const layouts: Layout[] = [
  {
    name: 'synthetic row per customer, 3 indexes, 500 per transaction',
    stores: rowStore(customerIndexes),
    rowsPerTransaction: 500,
    value: 'row',
    rows: 'synthetic',
  },
  {
    name: 'app row per customer, 3 indexes, 200 per transaction (today)',
    stores: rowStore(customerIndexes),
    rowsPerTransaction: 200,
    value: 'row',
    rows: 'app',
  },
  {
    name: 'app row per customer, 3 indexes, 1,000 per transaction',
    stores: rowStore(customerIndexes),
    rowsPerTransaction: 1_000,
    value: 'row',
    rows: 'app',
  },
  {
    name: 'app row per customer, no index, 200 per transaction',
    stores: rowStore([]),
    rowsPerTransaction: 200,
    value: 'row',
    rows: 'app',
  },
  {
    name: 'app rows packed: one value per 200 customers',
    stores: [['chunks', 'id', []]],
    rowsPerTransaction: 200,
    value: 'chunk',
    rows: 'app',
  },
];

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage();
// tsx keeps function names through an `__name` helper that the page does not have.
await page.addInitScript('globalThis.__name = (fn) => fn');
await page.goto('about:blank');
// IndexedDB needs an origin; a data: or about:blank page has none, so serve a blank page.
await page.route('http://lab.invalid/', (route) =>
  route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>lab</title>' }),
);
await page.goto('http://lab.invalid/');
// ~200 customers is one list page of the sandbox's data (500 customer × contact rows).
await page.evaluate((templates) => {
  (globalThis as unknown as { appRows: unknown[] }).appRows = templates;
}, appRowTemplates(1_000));

// The few IndexedDB types the page code uses: this file compiles for Node, without the DOM's.
interface LabRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
  onupgradeneeded?: (() => void) | null;
}
interface LabTransaction {
  objectStore(name: string): { put(value: unknown): void };
  error: unknown;
  oncomplete: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}
interface LabDatabase {
  createObjectStore(
    name: string,
    options: { keyPath: string | string[] },
  ): { createIndex(name: string, keyPath: string | string[]): void };
  transaction(store: string, mode: 'readwrite', options: { durability: 'relaxed' }): LabTransaction;
  close(): void;
}
interface LabIndexedDb {
  deleteDatabase(name: string): LabRequest<undefined>;
  open(name: string, version: number): LabRequest<LabDatabase>;
}

/** One layout, one round: stores `customers` synthetic summaries, answers ms and bytes. */
async function measure(layout: Layout, round: number) {
  return page.evaluate(
    async ({ layout, customers, round }) => {
      const indexedDB = (globalThis as unknown as { indexedDB: LabIndexedDb }).indexedDB;
      const dbName = `lab-${round}-${layout.name.length}-${layout.rowsPerTransaction}-${layout.value}`;
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = () => resolve();
      });
      const db = await new Promise<LabDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName, 1);
        request.onupgradeneeded = () => {
          for (const [name, keyPath, indexes] of layout.stores) {
            const store = request.result.createObjectStore(name, { keyPath });
            for (const [indexName, indexPath] of indexes) store.createIndex(indexName, indexPath);
          }
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      // A summary as the R2 pull keeps it: the list's customer columns, two contacts, kept as
      // the record and as the server snapshot (two copies, as the store holds them).
      const summary = (n: number) => {
        const record = {
          recordid: `c${n}`,
          customerid: `K-${100000 + n}`,
          companyname: `Company ${n} Handels GmbH`,
          category: n % 3 === 0 ? 'A' : 'B',
          customertype: 'company',
          customerstatus: 'active',
          phone: `+49 30 ${1000000 + n}`,
          email: `info${n}@company${n}.example`,
          website: `www.company${n}.example`,
          addressline1: `Hauptstraße ${n % 300}`,
          postalcode: `${10000 + (n % 89999)}`,
          city: ['Berlin', 'Köln', 'München', 'Hamburg'][n % 4],
          country: 'DE',
          salespersonid: `sp${n % 40}`,
          phase: 'customer',
          updateddate: '2026-11-30T10:00:00Z',
          contacts: [0, 1].map((c) => ({
            contactid: `p${n}-${c}`,
            firstname: `Anna${c}`,
            lastname: `Schmidt ${n}`,
            email: `anna${c}.schmidt${n}@company${n}.example`,
            phone: `+49 171 ${2000000 + n + c}`,
            isfirstcontact: c === 0,
          })),
        };
        return {
          connectionId: 'conn-1',
          key: `c${n}`,
          serverId: `c${n}`,
          record,
          base: record,
          remote: null,
          hydration: 'summary',
          remoteHydration: null,
          hydrateRank: 1,
          syncState: 'synced',
          opened: false,
          fieldErrors: null,
          updatedAt: 1_700_000_000_000 + n,
        };
      };
      // A copy of a real stored row with its own ids; the record IS the base, as in the app.
      const appRows = (globalThis as unknown as { appRows: Record<string, unknown>[] }).appRows;
      const appRow = (n: number) => {
        const row = structuredClone(appRows[n % appRows.length]!);
        const id = String(1_000_000 + n);
        const record = { ...(row.record as object), recordid: id };
        return { ...row, key: id, serverId: id, record, base: record, updatedAt: 1.7e12 + n };
      };
      const rows = Array.from({ length: customers }, (_, n) =>
        layout.rows === 'app' ? appRow(n) : summary(n),
      );
      // JSON counts the record twice (record and base); the stored clone holds it once.
      const bytes = new Blob([JSON.stringify(rows.slice(0, 1000))]).size / 1000;
      const storeName = layout.stores[0]![0];
      const started = performance.now();
      for (let from = 0; from < customers; from += layout.rowsPerTransaction) {
        const batch = rows.slice(from, from + layout.rowsPerTransaction);
        await new Promise<void>((resolve, reject) => {
          // Relaxed, as the pull's writes are: the server can always send them again.
          const tx = db.transaction(storeName, 'readwrite', { durability: 'relaxed' });
          const store = tx.objectStore(storeName);
          if (layout.value === 'row') for (const row of batch) store.put(row);
          else store.put({ id: from, rows: batch });
          tx.oncomplete = () => resolve();
          tx.onerror = tx.onabort = () => reject(tx.error);
        });
      }
      const ms = performance.now() - started;
      db.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = () => resolve();
      });
      return { ms, bytesPerCustomer: bytes };
    },
    { layout, customers, round },
  );
}

console.log(`store layouts: ${customers.toLocaleString('en')} customers, ${rounds} rounds`);
/** CPU ms of Chromium's IndexedDB backend (browser thread pool) and of the page's main thread. */
function chromiumSplit() {
  const cpu = chromiumCpu(processTable(), [process.pid]);
  return {
    backend: cpu.get('  chromium browser / ThreadPoolForeg') ?? 0,
    page: cpu.get('  chromium renderer / chromium') ?? 0,
  };
}

for (let round = 0; round < rounds; round++) {
  // Interleaved, so a change in the machine's load hits every layout alike.
  for (const layout of layouts) {
    const before = chromiumSplit();
    const { ms, bytesPerCustomer } = await measure(layout, round);
    const after = chromiumSplit();
    // Per 200 customers (one list page); the page's figure includes building the rows.
    const per200 = (cpuMs: number) => ((cpuMs / customers) * 200).toFixed(1);
    console.log(
      `${layout.name}: ${Math.round((customers / ms) * 1000).toLocaleString('en')} customers/s ` +
        `(${Math.round(ms)} ms, ~${Math.round(bytesPerCustomer)} B JSON per customer, ` +
        `CPU per 200: backend ${per200(after.backend - before.backend)} ms, ` +
        `page ${per200(after.page - before.page)} ms, load ${loadavg()[0]!.toFixed(1)})`,
    );
  }
}
await browser.close();
