// The editor's offline uniqueness check (docs/editor.md, "Validation as you type"): the rules the
// server applies across customers (a Revnue name, an R2 customer ID), checked against this
// computer's copy a moment after typing pauses and again on save. Kept apart from EditorState so
// the form's state does not also carry a timer and the lookups that answer it.
import type { ConnectorDescriptor, EditorField } from '../../../src-shared/connectors/descriptor';
import type { FieldPath } from '../../../src-shared/sync/field-path';
import { systemClock, type Clock } from '../../../src-shared/time/clock';
import type { CustomerStore } from '../db/customer-store';
import type { FieldMessages } from '../forms/draft-ops';
import { topLevelFields } from '../forms/editor-layout';

export interface EditorUniquenessDeps {
  readonly store: CustomerStore;
  /** Read at each lookup, as the form reads it. */
  readonly connection: { readonly id: string };
  readonly descriptor: ConnectorDescriptor<unknown>;
  /** The draft as it is now: an answer about an older draft is dropped. */
  readonly draft: () => unknown;
  /** The open customer's local key (null while new): it is not "another" customer. */
  readonly key: () => string | null;
  /** How long typing pauses before the check runs (ms). */
  readonly delayMs?: number;
  /** Times that pause; default the system clock (tests pass a manual one). */
  readonly clock?: Clock;
}

interface UniqueField {
  readonly path: FieldPath;
  readonly field: EditorField;
}

export class EditorUniqueness {
  readonly #deps: EditorUniquenessDeps;
  readonly #fields: readonly UniqueField[];
  #messages = $state.raw<FieldMessages>({});
  #cancelScheduled: (() => void) | undefined;
  #disposed = false;

  constructor(deps: EditorUniquenessDeps) {
    this.#deps = deps;
    this.#fields = topLevelFields(deps.descriptor.editor)
      .filter((field) => field.uniqueAmongCustomers)
      .map((field) => ({ path: field.path, field }));
  }

  /** The last check's messages, by field path (empty when every value is free). */
  get messages(): FieldMessages {
    return this.#messages;
  }

  /**
   * Checks once typing pauses; each keystroke moves the check later. A check that fails (the
   * store closed under it, the editor already gone) leaves the messages as they were: nobody
   * waits for it, and the save runs the same check and reports the store's error in words.
   */
  schedule(): void {
    if (this.#fields.length === 0) return;
    this.#cancelScheduled?.();
    this.#cancelScheduled = (this.#deps.clock ?? systemClock).schedule(
      () => void this.check().catch(() => undefined),
      this.#deps.delayMs ?? 250,
    );
  }

  /** Checks now (save waits for it); a scheduled check is no longer needed. */
  async check(): Promise<void> {
    this.#cancelScheduled?.();
    this.#cancelScheduled = undefined;
    const draft = this.#deps.draft();
    const found: Record<FieldPath, string[]> = {};
    for (const { path, field } of this.#fields) {
      const rule = field.uniqueAmongCustomers!;
      const key = rule.key(draft);
      if (key === '') continue;
      const other = await this.#deps.store.findOtherCustomer(
        this.#deps.connection.id,
        this.#deps.key(),
        (record) => rule.key(record) === key,
      );
      if (other !== null) found[path] = [rule.message(draft)];
    }
    // A newer keystroke has its own check coming; this answer is about an older value.
    if (!this.#disposed && draft === this.#deps.draft()) this.#messages = found;
  }

  dispose(): void {
    this.#disposed = true;
    this.#cancelScheduled?.();
  }
}
