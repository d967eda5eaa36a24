// The resolver's choices for one conflicted entry: per field "mine", "theirs" or an edited value,
// whether every field has one, and the store's answer in words (per-field errors, or why the
// store could not do it). Nothing changes in the store until resolve() succeeds.
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { Choice } from '../../../src-shared/sync/resolve';
import type { CustomerStore } from '../../lib/db/customer-store';
import type { OutboxRow } from '../../lib/db/rows';
import { describeError } from '../../lib/state/error-message';
import { editedValue } from './conflict-values';

export type Pick = 'mine' | 'theirs' | 'edit';

export class ConflictChoices {
  #picks = $state<Record<string, Pick>>({});
  #edits = $state<Record<string, string>>({});
  #errors = $state.raw<Record<string, string[]>>({});
  #error = $state('');
  #busy = $state(false);
  readonly #store: CustomerStore;
  readonly #descriptor: ConnectorDescriptor<unknown>;
  readonly #connectionId: string;
  readonly #key: string;
  readonly #entry: OutboxRow;

  constructor(
    store: CustomerStore,
    descriptor: ConnectorDescriptor<unknown>,
    connectionId: string,
    key: string,
    entry: OutboxRow,
  ) {
    this.#store = store;
    this.#descriptor = descriptor;
    this.#connectionId = connectionId;
    this.#key = key;
    this.#entry = entry;
  }

  get #fields() {
    const conflict = this.#entry.conflict;
    return conflict?.kind === 'fields' ? conflict.conflicts : [];
  }

  pickOf(path: string): Pick | undefined {
    return this.#picks[path];
  }
  pick(path: string, pick: Pick): void {
    this.#picks[path] = pick;
  }
  editOf(path: string): string {
    return this.#edits[path] ?? '';
  }
  /** Typing a value chooses it. */
  edit(path: string, text: string): void {
    this.#edits[path] = text;
    this.#picks[path] = 'edit';
  }
  /** Every conflicting field has a choice: only then can it be resolved. */
  get complete(): boolean {
    const fields = this.#fields;
    return fields.length > 0 && fields.every((field) => this.#picks[field.path] !== undefined);
  }
  get busy(): boolean {
    return this.#busy;
  }
  get error(): string {
    return this.#error;
  }
  errorsFor(path: string): readonly string[] {
    return this.#errors[path] ?? [];
  }
  /** Errors about fields that are not in the conflict (the resolved record breaks a rule there). */
  get otherErrors(): [string, string[]][] {
    const shown = this.#fields.map((field) => field.path);
    return Object.entries(this.#errors).filter(([path]) => !shown.includes(path));
  }

  async resolve(): Promise<boolean> {
    if (!this.complete || this.#busy) return false;
    const choices: Record<string, Choice> = {};
    for (const field of this.#fields) {
      const pick = this.#picks[field.path];
      if (pick === 'edit')
        choices[field.path] = { value: editedValue(this.#edits[field.path] ?? '', field.theirs) };
      else if (pick) choices[field.path] = pick;
    }
    return this.#run(async () => {
      const lookups = await this.#store.getLookups(this.#connectionId);
      const result = await this.#store.resolveConflict(
        this.#descriptor,
        this.#connectionId,
        this.#key,
        choices,
        lookups,
      );
      if (!result.ok) this.#errors = result.errors;
      return result.ok;
    });
  }

  async resolveDeleted(choice: 'recreate' | 'discard'): Promise<boolean> {
    return this.#run(async () => {
      await this.#store.resolveDeleted(this.#descriptor, this.#connectionId, this.#key, choice);
      return true;
    });
  }

  async #run(task: () => Promise<boolean>): Promise<boolean> {
    this.#busy = true;
    this.#error = '';
    this.#errors = {};
    try {
      return await task();
    } catch (error) {
      // A StoreError says what went wrong in words; nothing was changed.
      this.#error = describeError(error);
      return false;
    } finally {
      this.#busy = false;
    }
  }
}
