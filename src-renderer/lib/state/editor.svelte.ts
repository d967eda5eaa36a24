// The form engine's state for ONE open customer (docs/editor.md): the draft, "unsaved changes", the
// messages (schema, offline uniqueness, the server's), repeat items, "Same as", and save. Generic
// over descriptors: everything that differs between the APIs comes from the descriptor.
import type { Connection, ConnectionView } from '../../../src-shared/connection';
import type {
  ConnectorDescriptor,
  ConnectorLookups,
  EditorField,
  EditorSection,
} from '../../../src-shared/connectors/descriptor';
import type { FieldPath } from '../../../src-shared/sync/field-path';
import { deepEqual } from '../../../src-shared/sync/values';
import type { Clock } from '../../../src-shared/time/clock';
import { StoreError, type CustomerStore } from '../db/customer-store';
import type { CustomerRow } from '../db/rows';
import {
  applySameAs,
  isDirty,
  rebaseDraft,
  visibleMessages,
  withoutMessagesAt,
  type FieldMessages,
  type SameAsPair,
} from '../forms/draft-ops';
import { errorPathOf, getIn, locKey, locOf, removeAt, setIn, type Loc } from '../forms/draft-path';
import { readText, type InputSpec } from '../forms/field-input';
import { blankItem, initialSameAs } from '../forms/editor-layout';
import { regionalLocale } from '../forms/locale-dates';
import { untrack } from 'svelte';
import { invalidText, problemText, savedText, storeRecord } from './editor-save';
import { EditorUniqueness } from './editor-uniqueness.svelte';
import { LiveValue } from './live-value.svelte';
import type { Navigation } from './navigation.svelte';
import { describeError } from './error-message';

export { sameAsLocs } from '../forms/editor-layout';

export interface EditorDeps {
  readonly store: CustomerStore;
  readonly navigation: Navigation;
  /** Whether this computer is online (the sync board): it words the "saved" line. */
  readonly board: { readonly online: boolean };
  readonly connection: ConnectionView;
  readonly descriptor: ConnectorDescriptor<unknown>;
  /** The existing customer's local key; null for a new customer. */
  readonly key: string | null;
  readonly locale?: string;
  /** How long typing pauses before the offline uniqueness check runs (ms). */
  readonly uniqueDelayMs?: number;
  /** Times that pause; default the system clock (tests pass a manual one). */
  readonly clock?: Clock;
}

export type EditorStatus = {
  readonly kind: 'saved' | 'problem' | 'invalid';
  readonly text: string;
} | null;

export class EditorState {
  readonly descriptor: ConnectorDescriptor<unknown>;
  readonly locale: string;
  readonly #deps: EditorDeps;
  #key = $state<string | null>(null);
  #loaded = $state(false);
  #missing = $state(false);
  #loadProblem = $state('');
  #row = $state.raw<CustomerRow | null>(null);
  #lookups = $state.raw<ConnectorLookups>({});
  #draft = $state.raw<unknown>(null);
  #saved = $state.raw<unknown>(null);
  #touched = $state.raw<Readonly<Record<FieldPath, true>>>({});
  #submitted = $state(false);
  #server = $state.raw<FieldMessages>({});
  #input = $state.raw<FieldMessages>({});
  #sameAs = $state.raw<readonly SameAsPair[]>([]);
  #status = $state.raw<EditorStatus>(null);
  #saving = $state(false);
  /** The stored row as it changes (null for a new customer until its first save). */
  #live = $state.raw<LiveValue<CustomerRow | undefined> | null>(null);
  #disposed = false;
  /** The offline uniqueness check: its messages join the form's. */
  readonly #unique: EditorUniqueness;

  readonly dirty = $derived.by(
    () => this.#loaded && isDirty(this.#deps.descriptor, this.#lookups, this.#draft, this.#saved),
  );
  readonly #schema = $derived.by((): FieldMessages => {
    if (!this.#loaded) return {};
    const normalized = this.#deps.descriptor.normalizeDraft(this.#draft, this.#lookups);
    const result = this.#deps.descriptor.validate(normalized, this.#lookups);
    return result.ok ? {} : result.errors;
  });
  /** Every message the form shows, by field path. */
  // `.by`: the uniqueness check is made in the constructor, and only a function may read it here.
  readonly messages = $derived.by(() =>
    visibleMessages({
      schema: this.#schema,
      input: this.#input,
      unique: this.#unique.messages,
      server: this.#server,
      shown: (path) => this.#submitted || this.#touched[path] === true,
    }),
  );
  /** How many fields keep the record from being saved (shown or not yet). */
  readonly #blocking = $derived.by(
    () => Object.keys({ ...this.#schema, ...this.#input, ...this.#unique.messages }).length,
  );

  constructor(deps: EditorDeps) {
    this.#deps = deps;
    this.descriptor = deps.descriptor;
    this.locale = deps.locale ?? regionalLocale();
    this.#key = deps.key;
    this.#unique = new EditorUniqueness({
      store: deps.store,
      connection: deps.connection,
      descriptor: deps.descriptor,
      draft: () => this.#draft,
      key: () => this.#key,
      delayMs: deps.uniqueDelayMs,
      clock: deps.clock,
    });
  }

  get key(): string | null {
    return this.#key;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  /** The customer is no longer on this computer (deleted, discarded). */
  get missing(): boolean {
    return this.#missing;
  }
  get row(): CustomerRow | null {
    return this.#row;
  }
  get lookups(): ConnectorLookups {
    return this.#lookups;
  }
  get draft(): unknown {
    return this.#draft;
  }
  get status(): EditorStatus {
    return this.#status;
  }
  get saving(): boolean {
    return this.#saving;
  }
  /** R2: only the list's summary is here; the full record is being fetched. */
  get summaryOnly(): boolean {
    return this.#row?.hydration === 'summary';
  }
  get title(): string {
    return this.#key === null ? 'New customer' : this.#deps.descriptor.displayName(this.#draft);
  }

  async load(): Promise<void> {
    const { store, connection, descriptor } = this.#deps;
    try {
      this.#lookups = await store.getLookups(connection.id);
      if (this.#key === null) {
        const empty = descriptor.emptyRecord(connection as unknown as Connection);
        this.#draft = empty;
        this.#saved = empty;
      } else {
        const row = await store.getCustomer(connection.id, this.#key);
        if (!row) {
          this.#missing = true;
          return;
        }
        this.#takeRow(row);
        this.#draft = row.record;
        this.#saved = row.record;
        this.#follow(this.#key, row);
      }
    } catch (error) {
      this.#loadProblem = `This customer could not be read from this computer: ${describeError(error)}`;
      return;
    }
    this.#loaded = true;
    this.#sameAs = initialSameAs(descriptor.editor, this.#draft);
    // Opened rows are fetched in full first (R2) and join the "only those I open" scope. The
    // form works without it, so a failure here only costs the early fetch.
    if (this.#key !== null) await store.markOpened(connection.id, this.#key).catch(() => {});
  }

  /** Why the customer could not be loaded ('' when it was). */
  get loadProblem(): string {
    return this.#loadProblem;
  }

  // ── Reading and writing the draft ────────────────────────────────────────────────────────────
  valueAt(loc: Loc): unknown {
    return getIn(this.#draft, loc);
  }

  /** The sync core's path of an input (what messages are keyed by). */
  pathOf(loc: Loc): FieldPath {
    return errorPathOf(this.#deps.descriptor.shape, this.#draft, loc);
  }

  messagesAt(loc: Loc): readonly string[] {
    return this.messages[this.pathOf(loc)] ?? [];
  }

  /** `field` (the input's descriptor field, its path relative to the end of `loc`) for `resets`. */
  set(loc: Loc, value: unknown, field?: Pick<EditorField, 'path' | 'resets'>): void {
    const path = this.pathOf(loc);
    let draft = setIn(this.#draft, loc, value);
    if (field?.resets) {
      const item = loc.slice(0, loc.length - field.path.split('.').length);
      const reset = locOf(item, field.resets);
      // Emptied = absent: the schema gives it its empty value (Revnue: no custom field values).
      draft = setIn(draft, reset, undefined);
    }
    this.#draft = applySameAs(draft, this.#sameAs);
    this.#touched = { ...this.#touched, [path]: true, [this.pathOf(loc)]: true };
    this.#server = withoutMessagesAt(this.#server, path);
    this.#input = withoutMessagesAt(this.#input, path);
    this.#status = null;
    this.#unique.schedule();
  }

  /** Typed text of an input: dates in the regional format, numbers; what cannot be read is kept. */
  setText(loc: Loc, text: string, spec: InputSpec): void {
    const read = readText(text, spec, this.locale);
    this.set(loc, read.value);
    if (read.error) this.#input = { ...this.#input, [this.pathOf(loc)]: [read.error] };
  }

  /** A new item at the end of the list of repeat `section`; returns its index. */
  addItem(listLoc: Loc, section?: EditorSection): number {
    const list = getIn(this.#draft, listLoc);
    const items = Array.isArray(list) ? list : [];
    const item = section ? blankItem(section) : {};
    // prepareForStore gives the new item its client identity (R2 contacts: a localKey).
    this.#draft = this.#deps.descriptor.prepareForStore(
      setIn(this.#draft, listLoc, [...items, item]),
    );
    this.#status = null;
    return items.length;
  }

  removeItem(listLoc: Loc, index: number): void {
    this.#draft = removeAt(this.#draft, listLoc, index);
    this.#status = null;
  }

  // ── "Same as address" ────────────────────────────────────────────────────────────────────────
  isSameAs(to: Loc): boolean {
    return this.#sameAs.some((pair) => locKey(pair.to) === locKey(to));
  }

  setSameAs(from: Loc, to: Loc, on: boolean): void {
    const others = this.#sameAs.filter((pair) => locKey(pair.to) !== locKey(to));
    this.#sameAs = on ? [...others, { from, to }] : others;
    if (on) this.#draft = applySameAs(this.#draft, this.#sameAs);
  }

  // ── Saving ───────────────────────────────────────────────────────────────────────────────────
  /** Saves on this computer (offline too). False when fields must be fixed first (then shown). */
  async save(): Promise<boolean> {
    if (!this.#loaded || this.#saving) return false;
    this.#saving = true;
    try {
      await this.#unique.check();
      this.#submitted = true;
      if (this.#blocking > 0) {
        this.#status = { kind: 'invalid', text: invalidText(this.#blocking) };
        return false;
      }
      await this.#write();
      return true;
    } catch (error) {
      this.#status = { kind: 'problem', text: problemText(error) };
      if (error instanceof StoreError && error.fields) this.#server = { ...error.fields };
      return false;
    } finally {
      this.#saving = false;
    }
  }

  async #write(): Promise<void> {
    const { descriptor, board } = this.#deps;
    const record = descriptor.prepareForStore(
      descriptor.normalizeDraft(this.#draft, this.#lookups),
    );
    const { key, row } = await storeRecord(this.#deps, this.#key, record, (created) => {
      this.#key = created;
    });
    if (row) this.#takeRow(row);
    // A new customer is followed from its first save on.
    if (this.#live === null && row) this.#follow(key, row);
    const stored = row?.record ?? record;
    this.#saved = stored;
    this.#draft = applySameAs(stored, this.#sameAs);
    this.#submitted = false;
    this.#touched = {};
    this.#status = { kind: 'saved', text: savedText(board.online) };
  }

  /** Forgets the draft (the leave guard's "Discard"). */
  revert(): void {
    this.#draft = this.#saved;
  }

  dispose(): void {
    this.#disposed = true;
    this.#unique.dispose();
  }

  /**
   * Takes in every change to the stored row — a save in another window, a pull, a push's outcome
   * (synced, refused, conflict), a restore, a bulk edit — while an effect calls it (the editor
   * component does): the live read runs only while that effect lives. Fields the salesperson is
   * editing keep what they typed (the draft is rebased, not replaced).
   */
  follow(): void {
    const live = this.#live;
    if (live === null) return;
    const row = live.current;
    const failed = live.error;
    // Read so the effect runs again when a save ends: an answer that came during it is taken then.
    if (this.#saving) return;
    untrack(() => {
      if (failed !== null) {
        // The form keeps what it shows; the salesperson is told the row is no longer followed.
        this.#status = {
          kind: 'problem',
          text: `Changes from the server can no longer be shown here: ${describeError(failed)}`,
        };
        return;
      }
      this.#takeStored(row);
    });
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────────
  #takeRow(row: CustomerRow): void {
    const previous = this.#row;
    this.#row = row;
    // The server's messages of a new rejection replace what was shown; unchanged ones stay edited away.
    if (!previous || !deepEqual(previous.fieldErrors, row.fieldErrors)) {
      this.#server = { ...(row.fieldErrors ?? {}) };
    }
  }

  #follow(key: string, row: CustomerRow): void {
    this.#live = new LiveValue(this.#deps.store.liveCustomer(this.#deps.connection.id, key), row);
  }

  /** The row as the store answered it; undefined: it is no longer on this computer. */
  #takeStored(row: CustomerRow | undefined): void {
    if (this.#disposed || !this.#loaded || this.#key === null) return;
    if (!row) {
      this.#missing = true;
      return;
    }
    // An answer older than the row a save just read back (it was on its way during the save).
    if (row.key !== this.#key || (this.#row && row.updatedAt < this.#row.updatedAt)) return;
    if (!deepEqual(row.record, this.#saved)) {
      this.#draft = rebaseDraft(this.#deps.descriptor, this.#saved, this.#draft, row.record);
      this.#saved = row.record;
    }
    this.#takeRow(row);
  }
}
