// Where the time to the first rows went on opening the Customers screen (a reload or the first
// open), each stage's end in ms since navigation start. Taken in the bench page
// (list-lab/entry.ts), put into words by the benchmarks that drive it (customer-list.ts,
// list-first-rows.ts).

export interface ReloadSplit {
  /** The page before it unloaded (0 when there was none of this origin: nothing to unload). */
  readonly unloaded: number;
  /** The request for the HTML could start (after the unload and any redirect). */
  readonly fetchStarted: number;
  /** The page's HTML answered. */
  readonly htmlAnswered: number;
  /** The page's HTML answered and parsed, before the module graph ran. */
  readonly htmlParsed: number;
  /** The page's JS (Svelte, Dexie, the screen) fetched, parsed and begun to run. */
  readonly entryRan: number;
  /** The screen mounted (the list state made, the worker started, the store read begun). */
  readonly mounted: number;
  /** The main thread's read of the first screenful from IndexedDB resolved. */
  readonly firstRowsRead: number | null;
  /** The first grid row in the DOM. */
  readonly firstRowsShown: number;
  /** The search worker constructed (its script still to fetch and run). */
  readonly workerStarted: number | null;
  /** The worker's first message (its module loaded, its database open, its head start read). */
  readonly workerFirstMessage: number | null;
  /** The worker's first answer rendered (what the first rows waited for before the list read). */
  readonly workerFirstAnswer: number | null;
}

const ms = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} ms`);

/** The split in words, in the order the stages end. */
export function reloadSplitNote(split: ReloadSplit): string {
  return [
    `previous page unloaded ${ms(split.unloaded)}`,
    `HTML asked ${ms(split.fetchStarted)}`,
    `HTML answered ${ms(split.htmlAnswered)}`,
    `HTML parsed ${ms(split.htmlParsed)}`,
    `page JS run ${ms(split.entryRan)}`,
    `screen mounted ${ms(split.mounted)}`,
    `first screenful read from IndexedDB on the main thread ${ms(split.firstRowsRead)}`,
    `first rows in the DOM ${ms(split.firstRowsShown)}`,
    `worker started ${ms(split.workerStarted)}`,
    `worker's first message ${ms(split.workerFirstMessage)}`,
    `worker's first answer rendered ${ms(split.workerFirstAnswer)}`,
  ].join(', ');
}
