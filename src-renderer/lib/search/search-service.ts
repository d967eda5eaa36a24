// What the search worker does, without the worker: it reads the connection's rows from the store
// in chunks, keeps the index current with the rows written since (on every `refresh`), answers
// queries with doc numbers and the first screen of rows, and rows by doc number as the list
// scrolls. Before the first chunk it reads the first screen remembered from the last session, so
// the list opens in display order at once. Plain class so the node project tests it on
// fake-indexeddb.
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import type { CustomerRow } from '../db/rows';
import { FIRST_SCREEN_KEYS, type FirstScreens } from './first-screen';
import { readFirstScreenRows } from './first-screen-rows';
import { DuplicateFeed } from './duplicate-feed';
import { entryOf } from './index-entry';
import { withinScope } from './key-scope';
import { placedAnswer, type OrderedAnswer } from './ordered-answer';
import { QuietTurns } from './quiet-turns';
import { SearchIndex } from './search-index';
import type { DisplayRow, DuplicateRequest, FromWorker, ListQuery } from './search-types';

/** Rows (and docs) sent with every result: more than any window shows at once. */
export const FIRST_ROWS = 80;

/**
 * While the rest of a big answer is put in order, the docs of the sort order walked per step, and
 * the steps taken per turn until this much time went. A step is a fraction of a millisecond when
 * it only tests bits, but where the walk reads candidates' texts (a count still being made) the
 * same docs cost ten times that: a turn of 65,536 docs held a key typed meanwhile for ~70 ms at
 * p95 in the bench at 1,000,000. Bounded by time, a key waits for one turn's few ms at most.
 */
const walkPerStep = 8_192;
const turnBudgetMs = 3;

const nextTurn = () => new Promise<void>((go) => setTimeout(go, 0));

/** The order the list opens in: its first screen is remembered for the next session. */
const openingSort = { column: 'name', descending: false } as const;

/** Past this many rows written since the first screen was saved, it is not worth reading. */
const firstScreenChangeLimit = 2_000;

export class SearchService {
  readonly #store: CustomerStore;
  readonly #connectionId: string;
  readonly #descriptor: ConnectorDescriptor<unknown>;
  readonly #post: (message: FromWorker) => void;
  readonly #index: SearchIndex;
  readonly #firstScreens: FirstScreens | undefined;
  /** Customers the remembered first screen counted: the total until the index has them all. */
  #expected = 0;
  /** Background work waits while the list is being typed in or scrolled (quiet-turns.ts). */
  readonly #quiet: QuietTurns;
  /** The duplicate warning's index, kept current with the same rows as the search's. */
  readonly #duplicates: DuplicateFeed;
  #lookups: ConnectorLookups = {};
  /** Rows written at or after this (local ms) are read again on the next refresh. */
  #watermark = 0;
  /** The store's removal log as last read: removals after this are applied on the next refresh. */
  #removalSeq = 0;
  #ready = false;
  #hasRows = false;
  #query: { seq: number; query: ListQuery } | null = null;
  #answered = -1;
  #work: Promise<void> = Promise.resolve();

  constructor(
    store: CustomerStore,
    connectionId: string,
    descriptor: ConnectorDescriptor<unknown>,
    post: (message: FromWorker) => void,
    firstScreens?: FirstScreens,
    quiet: QuietTurns = new QuietTurns(),
  ) {
    this.#quiet = quiet;
    this.#duplicates = new DuplicateFeed(() => quiet.next());
    this.#store = store;
    this.#firstScreens = firstScreens;
    this.#connectionId = connectionId;
    this.#descriptor = descriptor;
    this.#post = post;
    this.#index = new SearchIndex(descriptor.listSearch?.facets ?? []);
  }

  get index(): SearchIndex {
    return this.#index;
  }

  get duplicateFeed(): DuplicateFeed {
    return this.#duplicates;
  }

  /** The first, complete read. Resolves when every row is indexed. */
  load(): Promise<void> {
    return this.#serially(async () => {
      this.#lookups = await this.#store.getLookups(this.#connectionId);
      // Before the rows: a row removed after this read is gone from the chunks or dropped by the
      // next refresh (its removal has a higher seq), and dropping an absent key is harmless.
      this.#removalSeq = (await this.#store.removedSince(this.#connectionId, Infinity)).seq;
      if (await this.#openWithFirstScreen()) {
        this.#postProgress();
        this.#answer(true);
      }
      let first = true;
      for await (const rows of this.#store.listRows(this.#connectionId)) {
        this.#upsert(rows);
        this.#postProgress();
        // The first screen shows as soon as the first chunk is in; the rest follows.
        if (first) this.#answer(true);
        first = false;
      }
      this.#index.pack();
      this.#ready = true;
      this.#hasRows = true;
      this.#postProgress();
      this.#answer(true);
      await this.#saveFirstScreen();
      this.#duplicates.start();
    });
  }

  /** The store changed (a save, a pull, a push's outcome): read what was written since. */
  refresh(): Promise<void> {
    return this.#serially(async () => {
      const before = this.#index.version;
      // The first sync writes the lookups after load() read none: rows indexed until then show
      // codes (country 276) instead of names, so new lookups re-index every row once.
      const lookups = await this.#store.getLookups(this.#connectionId);
      const lookupsChanged = JSON.stringify(lookups) !== JSON.stringify(this.#lookups);
      this.#lookups = lookups;
      const since = lookupsChanged ? 0 : this.#watermark;
      const removals = await this.#store.removedSince(this.#connectionId, this.#removalSeq);
      for await (const rows of this.#store.listRows(this.#connectionId, since)) this.#upsert(rows);
      await this.#dropRemoved(removals.keys);
      this.#removalSeq = removals.seq;
      if (this.#index.version !== before) {
        this.#index.pack();
        this.#postProgress();
        this.#answer(true);
        await this.#saveFirstScreen();
      }
    });
  }

  /**
   * Rows that went (discarded, deleted on the server, re-keyed by a create), as the store's
   * removal log names them — never a count of the connection's rows, which walks every row
   * (seconds at 1,000,000) after each save. A key removed and written again since is still here:
   * it is read back rather than dropped. Null: the log no longer reaches back, every key is listed.
   */
  async #dropRemoved(removed: readonly string[] | null): Promise<void> {
    if (removed === null) {
      const keys = new Set(await this.#store.listKeys(this.#connectionId));
      this.#index.retainOnly(keys);
      this.#duplicates.retainOnly(keys);
      return;
    }
    if (removed.length === 0) return;
    const back = await this.#store.getCustomers(this.#connectionId, removed);
    const here = new Set(back.map((row) => row.key));
    for (const key of removed) {
      if (here.has(key)) continue;
      this.#index.remove(key);
      this.#duplicates.remove(key);
    }
    this.#upsert(back);
  }

  query(seq: number, query: ListQuery): void {
    this.#quiet.asked();
    this.#query = { seq, query };
    this.#answer(false);
  }

  rows(seq: number, docs: readonly number[]): void {
    this.#quiet.asked();
    this.#post({ type: 'rows', seq, version: this.#index.version, rows: this.#rowsOf(docs) });
  }

  /** Answers at once from what is indexed so far (a warning while loading beats none). */
  duplicates(seq: number, request: DuplicateRequest): void {
    const { probe, excludeKey, typing } = request;
    const candidates = this.#duplicates.check(probe, { excludeKey, typing });
    this.#post({ type: 'duplicates', seq, candidates });
  }

  /** The key of each doc, in order (null for a doc no longer in the index). */
  keys(id: number, docs: ArrayLike<number>): void {
    const keys = Array.from(docs, (doc) => this.#index.key(doc) ?? null);
    this.#post({ type: 'keys', id, keys });
  }

  #upsert(rows: readonly CustomerRow[]): void {
    for (const row of rows) {
      this.#index.upsert(entryOf(row, this.#descriptor, this.#lookups));
      this.#duplicates.upsert(row.key, this.#descriptor.duplicateFields(row.record));
      if (row.updatedAt > this.#watermark) this.#watermark = row.updatedAt;
    }
    if (rows.length > 0) this.#hasRows = true;
  }

  #answer(again: boolean): void {
    const current = this.#query;
    if (!current || (!this.#hasRows && !this.#ready)) return;
    if (!again && current.seq === this.#answered) return;
    this.#answered = current.seq;
    const started = performance.now();
    const { only } = current.query;
    const answer = only
      ? placedAnswer(withinScope(this.#index, this.#index.search(current.query), only))
      : this.#index.answer(current.query);
    // The first screenful only (a copy: the worker moves it, the index keeps its answer); the
    // rest is put in order after it is posted (#placeRest). While loading, every chunk changes
    // the index and only the first is answered: that answer carries every doc at once.
    const docs = this.#ready ? answer.first(FIRST_ROWS) : answer.all().slice();
    const firstRows = this.#rowsOf(Array.from(docs.subarray(0, FIRST_ROWS)));
    const version = this.#index.version;
    this.#post({
      type: 'result',
      seq: current.seq,
      docs,
      count: answer.count,
      ...(answer.exact ? {} : { counting: true as const }),
      total: this.#total(),
      firstRows,
      version,
      searchMs: performance.now() - started,
      postedAt: performance.timeOrigin + performance.now(),
    });
    if (!answer.exact || docs.length < answer.count) {
      void this.#placeRest(answer, current.seq, version);
    }
  }

  /**
   * Every doc of a big answer, walked in slices between turns and posted once in order; given up
   * when a newer query or a change comes first (its own answer is on its way then).
   */
  async #placeRest(answer: OrderedAnswer, seq: number, version: number): Promise<void> {
    const current = () => this.#query?.seq === seq && this.#index.version === version;
    let done = false;
    while (!done) {
      await nextTurn();
      if (!current()) return;
      const until = performance.now() + turnBudgetMs;
      do done = answer.advance(walkPerStep);
      while (!done && performance.now() < until);
    }
    // A copy: the index keeps its answer for the next keystroke's narrowing.
    this.#post({ type: 'docs', seq, version, docs: answer.all().slice() });
  }

  /** All customers once indexed; while loading, the count the remembered first screen saw. */
  #total(): number {
    return this.#ready ? this.#index.size : Math.max(this.#index.size, this.#expected);
  }

  /**
   * Indexes the rows of the remembered first screen and those written since it was saved: the
   * first customers by name are then among them. False when there is none (a first open) or too
   * much changed since.
   */
  async #openWithFirstScreen(): Promise<boolean> {
    if (!this.#firstScreens) return false;
    const head = await readFirstScreenRows(this.#store, this.#firstScreens, this.#connectionId, {
      keys: FIRST_SCREEN_KEYS,
      changes: firstScreenChangeLimit,
    });
    if (!head) return false;
    this.#upsert(head.rows);
    this.#expected = head.count;
    return this.#index.size > 0;
  }

  async #saveFirstScreen(): Promise<void> {
    if (!this.#firstScreens) return;
    const docs = this.#index.firstInOrder(openingSort, FIRST_SCREEN_KEYS);
    try {
      await this.#firstScreens.write({
        connectionId: this.#connectionId,
        keys: Array.from(docs, (doc) => this.#index.key(doc)!),
        count: this.#index.size,
        // A pull writes thousands of rows in the same millisecond: re-reading "at or after" the
        // newest would re-read them all and lose the head start. A row written in that same
        // millisecond after this save is missed by the head start only; the chunks bring it.
        savedAt: this.#watermark + 1,
      });
    } catch {
      // Only a head start for the next open: without it the list opens as it did before.
    }
  }

  #rowsOf(docs: readonly number[]): [number, DisplayRow][] {
    return docs.flatMap((doc) => {
      const display = this.#index.display(doc);
      return display ? [[doc, display] as [number, DisplayRow]] : [];
    });
  }

  #postProgress(): void {
    this.#post({
      type: 'progress',
      indexed: this.#index.size,
      ready: this.#ready,
      facets: this.#index.facetChoices(),
    });
  }

  #serially(work: () => Promise<void>): Promise<void> {
    const run = this.#work.then(work).catch((error: unknown) => {
      this.#post({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    });
    this.#work = run;
    return run;
  }
}
