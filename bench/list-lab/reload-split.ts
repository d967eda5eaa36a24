// The split of a reload on the bench page, from the page (entry.ts) to the bench (customer-list.ts):
// plain data, no DOM, so the Node side can name it too.

/** Where the time to the first rows went, each stage's end since navigation start. */
export interface ReloadSplit {
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
  /** The worker's first answer rendered (what the first rows waited for before this change). */
  readonly workerFirstAnswer: number | null;
}
