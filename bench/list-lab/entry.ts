// The bench page: the real Customers screen (store on IndexedDB, search worker, virtualised grid)
// in real Chromium, plus window.listBench with the measurements, so the Node side only drives — the
// customer list's (customer-list.ts) and the export's (export.ts, through export-run.ts). Built
// and served by bench/lab/serve-list-lab.ts with Vite (Svelte, the module workers) into a folder.
import { flushSync, mount } from 'svelte';
import { revnueDescriptor } from '../../src-shared/connectors';
import { openCustomerStore } from '../../src-renderer/lib/db/dexie-customer-store';
import {
  corpusLookups,
  corpusPulled,
} from '../../src-renderer/lib/search/test-support/customer-corpus';
import { openFirstScreens, type FirstScreen } from '../../src-renderer/lib/search/first-screen';
import type { ReloadSplit } from '../lab/reload-split';
import { openForFirstRows } from '../../src-renderer/lib/state/first-rows';
import type { FromWorker } from '../../src-renderer/lib/search/search-types';
import type { Engine } from './compare-engines';
import type { ColumnChoice } from '../../src-renderer/lib/export/export-columns';
import type { ExportFormat } from '../../src-renderer/lib/export/export-text';
import type { AppContext } from '../../src-renderer/lib/state/app-context';
import type { ConnectionsState } from '../../src-renderer/lib/state/connections.svelte';
import { Navigation } from '../../src-renderer/lib/state/navigation.svelte';
import { SyncBoard } from '../../src-renderer/lib/state/sync-board.svelte';
import type { SyncRunner } from '../../src-renderer/lib/sync/engine/sync-runner';
import { createFakeFieldbook } from '../../src-renderer/lib/test-support/fake-fieldbook';
import ContextHost from '../../src-renderer/features/customers/test-support/ContextHost.svelte';

// When this module began to run: every module it imports was fetched, parsed and run before it.
const entryAt = performance.now();

const connection = {
  id: 'bench',
  kind: 'revnue-v2',
  name: 'Bench',
  active: true,
  authState: 'signed_in',
};
const store = openCustomerStore('fieldbook-list-bench');
// As App.svelte does at start, before it knows the active connection.
if (new URLSearchParams(location.search).has('mount')) openForFirstRows(store);

// Every worker answer is applied and rendered synchronously (flushSync) before its time is taken:
// "keystroke → rendered results" ends when the grid's DOM shows the answer.
const answered = new Map<number, number>();
/** Per answer, since the epoch: when it reached this thread, was applied, and the worker's part. */
interface AnswerTimes {
  readonly arrived: number;
  readonly applied: number;
  readonly rendered: number;
  readonly searchMs: number;
  readonly postedAt: number;
}
const answerTimes = new Map<number, AnswerTimes>();
const epochNow = () => performance.timeOrigin + performance.now();
let ready = false;
// The split of a reload: when the worker was started, first spoke, and its first answer rendered.
const workerAt: { started?: number; firstMessage?: number; firstAnswer?: number } = {};
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workerAt.started ??= performance.now();
  }
  override set onmessage(listener: ((event: MessageEvent<FromWorker>) => void) | null) {
    super.onmessage = (event: MessageEvent<FromWorker>) => {
      workerAt.firstMessage ??= performance.now();
      const arrived = epochNow();
      listener?.(event);
      if (event.data.type === 'result') {
        const applied = epochNow();
        flushSync();
        answered.set(event.data.seq, performance.now());
        const { seq, searchMs, postedAt } = event.data;
        answerTimes.set(seq, { arrived, applied, rendered: epochNow(), searchMs, postedAt });
        workerAt.firstAnswer ??= performance.now();
      }
      if (event.data.type === 'progress' && event.data.ready) ready = true;
    };
  }
} as typeof Worker;

let firstRowsAt: number | null = null;
const observer = new MutationObserver(() => {
  if (firstRowsAt === null && document.querySelector('[role="row"] [role="gridcell"] .badge')) {
    firstRowsAt = performance.now();
    observer.disconnect();
  }
});
observer.observe(document.body, { childList: true, subtree: true });

function mountScreen(): void {
  const status = { connectionId: 'bench', phase: 'idle', done: 0, total: null, lastSuccessAt: 1 };
  const runner = { status: () => status, subscribe: () => () => {} } as unknown as SyncRunner;
  const context: AppContext = {
    api: createFakeFieldbook().api,
    store,
    runner,
    board: new SyncBoard(runner),
    connections: { active: connection } as unknown as ConnectionsState,
    navigation: new Navigation(),
  };
  const target = document.getElementById('app')!;
  mount(ContextHost, { target, props: { context } });
}

const params = new URLSearchParams(location.search);
let mounted: { from: number; to: number } | null = null;
if (params.has('mount')) {
  const from = performance.now();
  mountScreen();
  mounted = { from, to: performance.now() };
}

/** ms since navigation start of a User Timing mark the list sets (null: not set). */
const markAt = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;

const grid = () => document.querySelector<HTMLElement>('[role="grid"]')!;
const searchbox = () => document.querySelector<HTMLInputElement>('input[type="search"]')!;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function waitFor(check: () => boolean, timeoutMs = 600_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Where each keystroke's time went, ms per stage (docs/search.md#keystroke-split). */
interface KeystrokeSplit {
  /** Input event → the worker began answering: the window's handler, the message, the queue. */
  readonly toWorker: number[];
  /** The worker's answer: search, scope, first rows (its own CPU clock). */
  readonly worker: number[];
  /** Posted → this thread's handler ran: the move of the doc numbers and the window's queue. */
  readonly transfer: number[];
  /** The list applied the answer (what converted the doc numbers to a JS array before). */
  readonly apply: number[];
  /** Svelte's update and the grid's DOM (flushSync). */
  readonly render: number[];
}
const split: KeystrokeSplit = { toWorker: [], worker: [], transfer: [], apply: [], render: [] };

/** The split of the opening so far (see ReloadSplit), once the first rows are in the DOM. */
function reloadSplit(): ReloadSplit {
  const navigation = performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  return {
    unloaded: navigation?.unloadEventEnd ?? Number.NaN,
    fetchStarted: navigation?.fetchStart ?? Number.NaN,
    htmlAnswered: navigation?.responseEnd ?? Number.NaN,
    htmlParsed: navigation?.domInteractive ?? Number.NaN,
    entryRan: entryAt,
    mounted: mounted?.to ?? Number.NaN,
    firstRowsRead: markAt('fieldbook:list-first-rows-read'),
    firstRowsShown: firstRowsAt!,
    workerStarted: workerAt.started ?? null,
    workerFirstMessage: workerAt.firstMessage ?? null,
    workerFirstAnswer: workerAt.firstAnswer ?? null,
  };
}

/** The remembered first screens' database beside the bench store (first-screen.ts names it). */
const firstScreensName = `${store.name}-list-first-screen`;

const listBench = {
  async seed(count: number): Promise<number> {
    await store.putLookups('bench', corpusLookups, 1);
    for (let from = 0; from < count; from += 5_000) {
      await store.applyPulled(
        revnueDescriptor,
        'bench',
        corpusPulled(from, Math.min(5_000, count - from)),
      );
    }
    return store.countRows('bench');
  },
  /** Since navigation start: the first row with its cells in the DOM, and the index complete. */
  async loaded(
    expected: number,
  ): Promise<{ firstRowsMs: number; indexedMs: number; rows: number; split: ReloadSplit }> {
    await waitFor(() => firstRowsAt !== null);
    // The grid's header row is its row 1: the customers are aria-rowcount − 1.
    const shown = () => Number(grid().getAttribute('aria-rowcount')) - 1;
    await waitFor(() => ready && shown() === expected);
    return {
      firstRowsMs: firstRowsAt!,
      indexedMs: performance.now(),
      rows: shown(),
      split: reloadSplit(),
    };
  },
  /**
   * Since navigation start: the first row in the DOM, once the worker answered too (the index
   * may still be incomplete: the narrow bench does not wait minutes for it at 1,000,000).
   */
  async firstRows(): Promise<{ firstRowsMs: number; split: ReloadSplit }> {
    await waitFor(() => firstRowsAt !== null && workerAt.firstAnswer !== undefined);
    return { firstRowsMs: firstRowsAt!, split: reloadSplit() };
  },
  /** Customers in the bench store (a cached profile is seeded once). */
  count(): Promise<number> {
    return store.countRows('bench');
  },
  /**
   * Forgets the remembered first screen (a very first open follows) and answers it, so that
   * restoreFirstScreen can put it back without the minutes a complete index takes at 1,000,000.
   */
  async takeFirstScreen(): Promise<FirstScreen | null> {
    const screens = openFirstScreens(store.name);
    const screen = await screens.read('bench').finally(() => screens.close());
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(firstScreensName);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('not deleted'));
      // Blocked only until the last page's worker has closed it (Dexie closes on versionchange).
    });
    return screen ?? null;
  },
  async restoreFirstScreen(screen: FirstScreen): Promise<void> {
    const screens = openFirstScreens(store.name);
    await screens.write(screen).finally(() => screens.close());
  },
  /** Types each text (one keystroke each), waiting for its rendered answer before the next. */
  async keystrokes(texts: readonly string[]): Promise<number[]> {
    const input = searchbox();
    const times: number[] = [];
    let seq = Math.max(0, ...answered.keys());
    for (const text of texts) {
      input.value = text;
      const started = performance.now();
      const startedAt = epochNow();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      seq += 1;
      const wanted = seq;
      await waitFor(() => answered.has(wanted));
      times.push(answered.get(wanted)! - started);
      const at = answerTimes.get(wanted)!;
      split.toWorker.push(at.postedAt - at.searchMs - startedAt);
      split.worker.push(at.searchMs);
      split.transfer.push(at.arrived - at.postedAt);
      split.apply.push(at.applied - at.arrived);
      split.render.push(at.rendered - at.applied);
      // A person types a key every ~100 ms at most; let the page breathe like it would.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return times;
  },
  /** The stages of the keystrokes typed so far, in typing order (see KeystrokeSplit). */
  keystrokeSplit(): KeystrokeSplit {
    return split;
  },
  /** Flings through the list for `ms`: scroll by a screen and more each frame; frame times. */
  async fling(ms: number): Promise<number[]> {
    const viewport = grid();
    const frames: number[] = [];
    let last = await nextFrame();
    const end = last + ms;
    let direction = 1;
    while (last < end) {
      viewport.scrollTop += direction * 900;
      if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1) direction = -1;
      if (viewport.scrollTop <= 0) direction = 1;
      const now = await nextFrame();
      frames.push(now - last);
      last = now;
    }
    return frames;
  },
  /** Waits until the worker has remembered the first screen (written after the index is done). */
  async firstScreenRemembered(): Promise<number> {
    const screens = openFirstScreens(store.name);
    try {
      let saved = await screens.read('bench');
      while (!saved) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        saved = await screens.read('bench');
      }
      return saved.keys.length;
    } finally {
      screens.close();
    }
  },
  // Loaded on demand: FlexSearch and uFuzzy are not part of the app, nor of its measured size.
  async compareEngines(count: number, texts: readonly string[], engines?: readonly Engine[]) {
    const { compareEngines } = await import('./compare-engines');
    return compareEngines(count, texts, engines);
  },
  /** bench/export.ts: one export of the seeded customers through the export worker. */
  async exportRun(format: ExportFormat, columns: ColumnChoice) {
    const { exportRun } = await import('./export-run');
    return exportRun(store, 'bench', format, columns);
  },
  async exportStages() {
    const { exportStages } = await import('./export-run');
    return exportStages(store, 'bench');
  },
  async exportPiece(index: number) {
    const { exportPiece } = await import('./export-run');
    return exportPiece(index);
  },
};

(globalThis as unknown as { listBench: typeof listBench }).listBench = listBench;
