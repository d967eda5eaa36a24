// Which customers of the list are selected (docs/customer-list.md#selecting-customers): rows picked
// one by one or by range, and "all of the view" (Ctrl+A) kept as the view's doc list at that
// moment plus the rows taken out again, never as 100,000 rendered rows. Rows are named by the
// search worker's doc numbers while selecting (what the grid draws) and by customer keys for
// whoever acts on the selection (bulk edit, export): `keys()` resolves the docs whose keys the
// list has not fetched. Runes state: `count` and `hasDoc` re-render when the selection changes.

/** What the selection needs from the list it selects in. */
export interface SelectionSource {
  /**
   * The view's doc numbers in order (the list's current answer): the worker's typed array as it
   * arrived, never copied into a JS array (a million of them cost the window tens of ms).
   */
  viewDocs(): ArrayLike<number>;
  /**
   * Whether viewDocs() holds the whole view: right after an answer only its first screenful may
   * be here, the rest a few ms later (absent: always whole).
   */
  viewComplete?(): boolean;
  /** Resolves once the whole view is here. */
  whenViewComplete?(): Promise<void>;
  /** The key of a doc whose row is already here (no request); undefined otherwise. */
  loadedKey(doc: number): string | undefined;
  /** The keys of `docs` from the search worker, in order (null where a doc is gone). */
  resolveKeys(docs: readonly number[]): Promise<readonly (string | null)[]>;
}

/** The view's docs at Ctrl+A, a bitmap of them for has(), and their keys once resolved. */
interface AllOfView {
  readonly docs: ArrayLike<number>;
  readonly bits: Uint8Array;
  /** Doc → key, filled when the worker answers (keys are resolved at once, see selectAll). */
  keys: Map<number, string> | null;
  readonly resolved: Promise<void>;
}

export class RowSelection {
  #version = $state(0);
  readonly #source: SelectionSource;
  // Plain collections on purpose: #version is the one signal, so a range of 5,000 rows re-renders
  // the screen once, not 5,000 times.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see above
  #picked = new Map<number, string | undefined>();
  #all: AllOfView | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see above
  #excluded = new Set<number>();
  #anchor: number | null = null;
  /** A Ctrl+A waiting for the whole view; any other selection made since drops it. */
  #pendingAll: object | null = null;
  /** Docs picked before their rows arrived, resolved together at the next microtask. */
  #unresolved: number[] = [];
  #resolving: Promise<void> = Promise.resolve();

  constructor(source: SelectionSource) {
    this.#source = source;
  }

  /** How many customers are selected. */
  get count(): number {
    void this.#version;
    const all = this.#all ? this.#all.docs.length - this.#excluded.size : 0;
    return all + this.#picked.size;
  }

  /** Where a Shift range starts: the doc last clicked, toggled or selected alone. */
  get anchor(): number | null {
    return this.#anchor;
  }

  /** Whether the row of `doc` is selected (what the grid draws). */
  hasDoc(doc: number): boolean {
    void this.#version;
    return this.#inAll(doc) || this.#picked.has(doc);
  }

  /** Whether the customer `key` is selected, as far as its key is known here yet. */
  has(key: string): boolean {
    void this.#version;
    for (const [doc, picked] of this.#picked) if (picked === key) return this.hasDoc(doc);
    const keys = this.#all?.keys;
    if (!keys) return false;
    for (const [doc, known] of keys) if (known === key) return this.#inAll(doc);
    return false;
  }

  /** The selected customers' keys ("all of the view" resolved), each once. */
  async keys(): Promise<string[]> {
    await Promise.all([this.#resolving, this.#all?.resolved]);
    this.#flushUnresolved();
    await this.#resolving;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local result, never rendered
    const keys = new Set<string>();
    const all = this.#all;
    if (all?.keys) {
      for (const [doc, key] of all.keys) if (!this.#excluded.has(doc)) keys.add(key);
    }
    for (const key of this.#picked.values()) if (key !== undefined) keys.add(key);
    return [...keys];
  }

  /** Only this row (a plain click, an arrow key): the selection follows it. */
  selectOnly(doc: number): void {
    this.#reset();
    this.#add(doc);
    this.#anchor = doc;
    this.#changed();
  }

  /** Ctrl/Cmd+click, Space, the row's checkbox: in or out, others unchanged. */
  toggle(doc: number): void {
    if (this.hasDoc(doc)) this.#remove(doc);
    else this.#add(doc);
    this.#anchor = doc;
    this.#changed();
  }

  /**
   * Shift+click / Shift+arrows: the rows from the anchor to the row at `index` of the current view
   * (the anchor found again by its doc, wherever the list moved it). `add` keeps what was selected
   * (Ctrl+Shift, the checkbox); otherwise the range replaces it. Without an anchor in the view the
   * range is the row alone, which becomes the anchor.
   */
  selectRange(index: number, options: { add?: boolean } = {}): void {
    const docs = this.#source.viewDocs();
    const target = docs[index];
    if (target === undefined) return;
    const from = this.#anchor === null ? -1 : positionOf(docs, this.#anchor);
    const anchor = from === -1 ? target : this.#anchor!;
    if (!options.add) this.#reset();
    const start = from === -1 ? index : Math.min(from, index);
    const end = from === -1 ? index : Math.max(from, index);
    for (let i = start; i <= end; i += 1) this.#add(docs[i]!);
    this.#anchor = anchor;
    this.#changed();
  }

  /** Ctrl/Cmd+A: every customer of the current view, however many; none is drawn for it. */
  selectAll(): void {
    this.#reset();
    if (this.#source.viewComplete?.() === false) {
      // Only the first screenful is here yet: select all once the rest arrived, unless the
      // selection changed meanwhile.
      const pending = {};
      this.#pendingAll = pending;
      this.#changed();
      void this.#source.whenViewComplete?.().then(() => {
        if (this.#pendingAll === pending) this.selectAll();
      });
      return;
    }
    const docs = this.#source.viewDocs();
    let max = -1;
    for (let i = 0; i < docs.length; i += 1) if (docs[i]! > max) max = docs[i]!;
    const bits = new Uint8Array(max + 1);
    for (let i = 0; i < docs.length; i += 1) bits[docs[i]!] = 1;
    const all: AllOfView = {
      docs,
      bits,
      keys: null,
      // Resolved now, not when acted on: a doc number freed later and given to another customer
      // must not slip into this selection.
      // The one copy into a JS array, on Ctrl+A only: the million keys it brings back cost more.
      resolved: this.#source.resolveKeys(Array.from(docs)).then((keys) => {
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- #version is the signal
        const byDoc = new Map<number, string>();
        for (let i = 0; i < docs.length; i += 1) {
          const key = keys[i];
          if (key !== null && key !== undefined) byDoc.set(docs[i]!, key);
        }
        all.keys = byDoc;
        // Docs that left the index meanwhile are no longer selectable.
        for (let i = 0; i < docs.length; i += 1) {
          if (!byDoc.has(docs[i]!)) this.#excluded.add(docs[i]!);
        }
        this.#changed();
      }),
    };
    this.#all = all;
    this.#changed();
  }

  /** Escape, a new search or filter: nothing selected. */
  clear(): void {
    const none = this.#all === null && this.#picked.size === 0 && this.#pendingAll === null;
    if (none && this.#anchor === null) return;
    this.#reset();
    this.#anchor = null;
    this.#changed();
  }

  #inAll(doc: number): boolean {
    return this.#all !== null && this.#all.bits[doc] === 1 && !this.#excluded.has(doc);
  }

  #reset(): void {
    this.#all = null;
    this.#pendingAll = null;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- #version is the signal
    this.#picked = new Map();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- #version is the signal
    this.#excluded = new Set();
    this.#unresolved = [];
  }

  #add(doc: number): void {
    if (this.#all?.bits[doc] === 1) {
      this.#excluded.delete(doc);
      return;
    }
    if (this.#picked.has(doc)) return;
    const key = this.#source.loadedKey(doc);
    this.#picked.set(doc, key);
    if (key === undefined) {
      if (this.#unresolved.length === 0) queueMicrotask(() => this.#flushUnresolved());
      this.#unresolved.push(doc);
    }
  }

  #remove(doc: number): void {
    if (this.#all?.bits[doc] === 1) this.#excluded.add(doc);
    else this.#picked.delete(doc);
  }

  /** Asks the worker for the keys of rows picked before they arrived (a long Shift range). */
  #flushUnresolved(): void {
    const docs = this.#unresolved;
    if (docs.length === 0) return;
    this.#unresolved = [];
    const picked = this.#picked;
    const asked = this.#source.resolveKeys(docs).then((keys) => {
      // A newer selection replaced this one meanwhile: nothing to fill in.
      if (picked !== this.#picked) return;
      docs.forEach((doc, i) => {
        if (!picked.has(doc) || picked.get(doc) !== undefined) return;
        const key = keys[i];
        if (key === null || key === undefined) picked.delete(doc);
        else picked.set(doc, key);
      });
      this.#changed();
    });
    this.#resolving = Promise.all([this.#resolving, asked]).then(() => undefined);
  }

  #changed(): void {
    this.#version += 1;
  }
}

/** Where `doc` is in `docs` (-1: not there); a typed array's own indexOf is not on ArrayLike. */
function positionOf(docs: ArrayLike<number>, doc: number): number {
  for (let i = 0; i < docs.length; i += 1) if (docs[i] === doc) return i;
  return -1;
}
