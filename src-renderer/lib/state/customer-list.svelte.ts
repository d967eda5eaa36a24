// The customer list of one connection (docs/customer-list.md): what is searched, filtered and
// sorted, the worker's answer (doc numbers in order, and rows fetched by them as the list scrolls),
// and whether the list is still loading or waiting for its first sync. The worker does every scan;
// this class only keeps the newest answer and the rows on screen.
import { untrack } from 'svelte';
import type { ConnectorKind } from '../../../src-shared/connection';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import { startSearchWorker, type SearchClient } from '../search/search-client';
import { readFirstRows } from './first-rows';
import type {
  DisplayRow,
  FacetChoices,
  FromWorker,
  KeyScope,
  ListQuery,
  ListResult,
  RowBadge,
  SortOrder,
} from '../search/search-types';
import type { SyncRunner } from '../sync/engine/sync-runner';
import type { SyncStatus } from '../sync/sync-status';
import { describeError } from './error-message';
import { LiveValue } from './live-value.svelte';
import { RowSelection } from './row-selection.svelte';

export interface CustomerListOptions {
  readonly connectionId: string;
  readonly kind: ConnectorKind;
  readonly descriptor: ConnectorDescriptor<unknown>;
  readonly store: CustomerStore;
  readonly runner: SyncRunner;
  /** Tests and benchmarks may start the worker their own way. */
  readonly startWorker?: typeof startSearchWorker;
}

export class CustomerListState {
  #text = $state('');
  #facets = $state.raw<Readonly<Record<string, string>>>({});
  #badge = $state<RowBadge | ''>('');
  #sort = $state.raw<SortOrder>({ column: 'name', descending: false });
  #only = $state.raw<KeyScope | null>(null);
  // The worker's typed array as it arrived (moved, not copied): every reader takes ArrayLike, so
  // an answer of a million docs costs the window nothing per doc (docs/search.md#keystroke-split).
  #docs = $state.raw<Int32Array>(new Int32Array(0));
  /** How many match: more than #docs holds while only the first screenful is here. */
  #count = $state(0);
  /** The worker is still confirming candidates: #count is how many it found so far. */
  #counting = $state(false);
  #total = $state(0);
  #indexed = $state(0);
  #ready = $state(false);
  #answered = $state(false);
  /** Rows read straight from the store are on screen until the worker's first answer. */
  #early = $state(false);
  #facetChoices = $state.raw<readonly FacetChoices[]>([]);
  #error = $state<string | null>(null);
  /** Why the list stopped hearing of the store's writes (the live read failed); null while it hears. */
  #followError = $state<string | null>(null);
  #sync = $state.raw<SyncStatus | undefined>(undefined);
  #rowsVersion = $state(0);

  readonly descriptor: ConnectorDescriptor<unknown>;
  readonly connectionId: string;
  /** The selected customers of this list (cleared by a new search or filter, kept by a sort). */
  readonly selection: RowSelection;
  readonly #client: SearchClient;
  // Plain collections on purpose: #rowsVersion is the one signal that rows arrived, so a screen
  // of rows re-renders once per answer rather than once per row.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see above
  readonly #rows = new Map<number, DisplayRow>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  readonly #requested = new Set<number>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  readonly #wanted = new Set<number>();
  readonly #stop: (() => void)[] = [];
  /** Waiting for every doc of the answer (keysInView, Ctrl+A): called whenever docs arrive. */
  #docsArrived: (() => void)[] = [];
  /** Counts the writes to this connection's rows and entries (the store's live read). */
  readonly #changes: LiveValue<number>;
  #dataVersion = -1;
  #latestSeq = 0;
  #flushQueued = false;
  #closed = false;

  constructor(options: CustomerListOptions) {
    this.descriptor = options.descriptor;
    this.connectionId = options.connectionId;
    const start = options.startWorker ?? startSearchWorker;
    this.#client = start({
      // The worker opens the same database itself: the rows never pass through this thread.
      dbName: options.store.name,
      connectionId: options.connectionId,
      kind: options.kind,
      onMessage: (message) => this.#receive(message),
    });
    this.selection = new RowSelection({
      viewDocs: () => this.#docs,
      viewComplete: () => !this.#counting && this.#docs.length >= this.#count,
      whenViewComplete: () => this.#allDocs().then(() => undefined),
      loadedKey: (doc) => this.#rows.get(doc)?.key,
      resolveKeys: (docs) => this.#client.keys(docs),
    });
    this.#changes = new LiveValue(options.store.liveChanges(options.connectionId), -1);
    // The runner's status is only shown (the first sync, "pulling"); data changes come from the
    // store's own signal, see follow().
    this.#sync = options.runner.status(options.connectionId);
    this.#stop.push(
      options.runner.subscribe((status) => {
        if (status.connectionId === options.connectionId) this.#sync = status;
      }),
    );
    this.#send();
    // Beside the worker, not after it: the worker reads the whole connection before it is
    // complete, but a screenful by key is a few milliseconds on this thread.
    void readFirstRows({
      store: options.store,
      connectionId: options.connectionId,
      descriptor: options.descriptor,
    }).then((rows) => {
      // User Timing marks: a DevTools trace of a reload shows them, and the bench splits by them.
      performance.mark('fieldbook:list-first-rows-read');
      this.#showFirstRows(rows);
    });
  }

  get text(): string {
    return this.#text;
  }
  set text(value: string) {
    this.#text = value;
    this.selection.clear();
    this.#send();
  }
  get facets(): Readonly<Record<string, string>> {
    return this.#facets;
  }
  setFacet(id: string, value: string): void {
    this.#facets = { ...this.#facets, [id]: value };
    this.selection.clear();
    this.#send();
  }
  get badge(): RowBadge | '' {
    return this.#badge;
  }
  set badge(value: RowBadge | '') {
    this.#badge = value;
    this.selection.clear();
    this.#send();
  }
  get sort(): SortOrder {
    return this.#sort;
  }
  set sort(value: SortOrder) {
    this.#sort = value;
    this.#send();
  }
  /** The customers a view limits the list to (Favourites, Recently opened); null: all. */
  get only(): KeyScope | null {
    return this.#only;
  }
  set only(value: KeyScope | null) {
    if (value === this.#only) return;
    this.#only = value;
    this.#send();
  }
  /** The search, filters and sort now (what "Save view" keeps). */
  get query(): Omit<ListQuery, 'only'> {
    return { text: this.#text, facets: this.#facets, badge: this.#badge, sort: this.#sort };
  }
  /** A view: its search, filters and sort, and the customers it is limited to, in one query. */
  show(query: Omit<ListQuery, 'only'>, only: KeyScope | null): void {
    this.#text = query.text;
    this.#facets = query.facets;
    this.#badge = query.badge;
    this.#sort = query.sort;
    this.#only = only;
    this.#send();
  }
  /**
   * Matching customers in order, by doc number: right after an answer, only its first screenful
   * (rows past it show as loading until every doc follows, a few ms later).
   */
  get docs(): ArrayLike<number> {
    return this.#docs;
  }
  get count(): number {
    return this.#count;
  }
  /** More may match than `count` says: the worker is still counting (a few ms at most). */
  get counting(): boolean {
    return this.#counting;
  }
  get total(): number {
    return this.#total;
  }
  /** Rows read into the index so far (loading progress). */
  get indexed(): number {
    return this.#indexed;
  }
  /** Nothing to show yet: neither the worker's answer nor the first rows from the store. */
  get loading(): boolean {
    return !this.#answered && !this.#early;
  }
  /** The worker answered: the count, and whether there are customers at all, are known. */
  get counted(): boolean {
    return this.#answered;
  }
  get complete(): boolean {
    return this.#ready;
  }
  get facetChoices(): readonly FacetChoices[] {
    return this.#facetChoices;
  }
  get error(): string | null {
    return this.#error ?? this.#followError;
  }
  get sync(): SyncStatus | undefined {
    return this.#sync;
  }
  /** Nothing on this computer yet and the first pull is under way (or about to be). */
  get firstSync(): boolean {
    return this.#ready && this.#total === 0 && (this.#sync?.lastSuccessAt ?? null) === null;
  }
  get filtered(): boolean {
    return (
      this.#text.trim() !== '' ||
      this.#badge !== '' ||
      this.#only !== null ||
      Object.values(this.#facets).some((value) => value !== '')
    );
  }

  /** The row of a doc; asks the worker for it (and its neighbours on screen) when not here yet. */
  rowAt(doc: number): DisplayRow | undefined {
    void this.#rowsVersion;
    const row = this.#rows.get(doc);
    // A negative doc is one of the first rows read from the store: the worker does not know it.
    if (!row && doc >= 0 && !this.#requested.has(doc)) {
      this.#wanted.add(doc);
      this.#queueFlush();
    }
    return row;
  }

  /** The keys of the customers the list shows now, in its order (what "export this view" is). */
  async keysInView(): Promise<readonly string[]> {
    const keys = await this.#client.keys(await this.#allDocs());
    // A doc the index no longer holds (deleted since the answer) is left out.
    return keys.filter((key): key is string => key !== null);
  }

  /**
   * Tells the worker to read what was written since its last read, after every write to this
   * connection's data — a save, a pull's chunk, a push's outcome, a restore, a bulk edit, from
   * this window or another. Called from an effect (the list component): the store's live read
   * runs while that effect lives. The worker reads only the rows written since, so a write costs
   * a few rows, never the 100,000. The first answer refreshes too: a write between the worker's
   * first read and this subscription would otherwise wait for the next one.
   */
  follow(): void {
    const version = this.#changes.current;
    const failed = this.#changes.error;
    untrack(() => {
      this.#followError =
        failed === null
          ? null
          : `The list no longer shows changes as they are saved: ${describeError(failed)}`;
      if (failed === null && version >= 0) this.#client.refresh();
    });
  }

  /** Every doc of the current answer, once here (at once when it is). */
  async #allDocs(): Promise<Int32Array> {
    while ((this.#counting || this.#docs.length < this.#count) && !this.#closed) {
      await new Promise<void>((arrived) => this.#docsArrived.push(arrived));
    }
    return this.#docs;
  }

  #arrived(): void {
    for (const arrived of this.#docsArrived.splice(0)) arrived();
  }

  dispose(): void {
    this.#closed = true;
    this.#arrived();
    for (const stop of this.#stop.splice(0)) stop();
    this.#client.close();
  }

  #send(): void {
    // The first rows are the opening order unfiltered: another query waits for the worker.
    if (this.#early) this.#dropFirstRows();
    this.#latestSeq = this.#client.query({
      text: this.#text,
      facets: this.#facets,
      badge: this.#badge,
      sort: this.#sort,
      only: this.#only,
    });
  }

  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      const docs = [...this.#wanted];
      this.#wanted.clear();
      for (const doc of docs) this.#requested.add(doc);
      if (docs.length > 0) this.#client.rows(docs);
    });
  }

  #receive(message: FromWorker): void {
    switch (message.type) {
      case 'progress':
        this.#indexed = message.indexed;
        this.#ready = message.ready;
        this.#facetChoices = message.facets;
        return;
      case 'result':
        if (message.seq === this.#latestSeq) this.#applyResult(message);
        return;
      case 'docs':
        if (message.seq === this.#latestSeq && message.version === this.#dataVersion) {
          this.#docs = message.docs;
          // Every doc is here: their number is the count, exact now.
          if (this.#counting) this.#count = message.docs.length;
          this.#counting = false;
          this.#arrived();
        }
        return;
      case 'rows':
        if (message.version !== this.#dataVersion) {
          // Rows of another data version: ask again under the current one.
          for (const [doc] of message.rows) this.#requested.delete(doc);
          this.#rowsVersion += 1;
          return;
        }
        for (const [doc, row] of message.rows) {
          this.#rows.set(doc, row);
          this.#requested.delete(doc);
        }
        this.#rowsVersion += 1;
        return;
      case 'keys':
      case 'duplicates':
        // The search client answers these to their own promises (keys of a selection or a view,
        // the editor's duplicate check); they never reach the list.
        return;
      case 'error':
        this.#error = message.message;
        return;
    }
  }

  /** Shown as docs -1, -2, …, only while the worker has not answered the opening query. */
  #showFirstRows(rows: readonly DisplayRow[]): void {
    if (this.#answered || this.#closed || rows.length === 0 || !this.#opening()) return;
    rows.forEach((row, index) => this.#rows.set(-1 - index, row));
    this.#docs = Int32Array.from(rows, (_, index) => -1 - index);
    this.#count = rows.length;
    this.#early = true;
    this.#rowsVersion += 1;
  }

  #opening(): boolean {
    return !this.filtered && this.#sort.column === 'name' && !this.#sort.descending;
  }

  #dropFirstRows(): void {
    for (const doc of this.#docs) if (doc < 0) this.#rows.delete(doc);
    this.#docs = new Int32Array(0);
    this.#count = 0;
    this.#early = false;
    // A selection made among them names docs the worker's answer does not have.
    this.selection.clear();
    this.#rowsVersion += 1;
  }

  #applyResult(result: ListResult): void {
    if (!this.#answered) performance.mark('fieldbook:list-worker-answered');
    // In the same update as the worker's rows, so the screen never shows neither.
    if (this.#early) this.#dropFirstRows();
    if (result.version !== this.#dataVersion) {
      this.#rows.clear();
      this.#requested.clear();
      this.#dataVersion = result.version;
    }
    for (const [doc, row] of result.firstRows) this.#rows.set(doc, row);
    this.#docs = result.docs;
    this.#count = result.count;
    this.#counting = result.counting === true;
    this.#total = result.total;
    this.#answered = true;
    this.#error = null;
    this.#rowsVersion += 1;
    this.#arrived();
  }
}
