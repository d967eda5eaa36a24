// The editor's "Possible duplicates": after a pause in typing it asks the connection's search
// worker which customers the draft may duplicate, and keeps what the salesperson dismissed ("Not
// a duplicate") for this draft. A new customer is always checked; an existing one only once its
// name, email, phone or customer ID is edited (it is never its own duplicate).
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { DuplicateCandidate, DuplicateFields } from '../../../src-shared/duplicates';
import { deepEqual } from '../../../src-shared/sync/values';
import { systemClock, type Clock } from '../../../src-shared/time/clock';
import type { DuplicateChecker } from '../search/duplicate-checkers';

export interface DuplicatesDeps {
  readonly descriptor: ConnectorDescriptor<unknown>;
  /** The connection's checker now (the list's worker may start after the editor). */
  readonly checker: () => DuplicateChecker | undefined;
  readonly clock?: Clock;
  /** The typing pause before a check (ms); the answer follows within a few ms. */
  readonly delayMs?: number;
}

/** What the check looks at: the draft, the stored record it started from, and whose it is. */
export interface DuplicateSubject {
  readonly key: string | null;
  readonly draft: unknown;
  /** The stored record of an existing customer (null for a new one). */
  readonly stored: unknown;
}

export class DuplicatesState {
  readonly #deps: DuplicatesDeps;
  #candidates = $state.raw<readonly DuplicateCandidate[]>([]);
  #dismissed = $state.raw<readonly string[]>([]);
  #cancel: (() => void) | undefined;
  #asked = 0;
  #disposed = false;

  /** The candidates still shown (not dismissed), most likely first. */
  readonly shown = $derived(this.#candidates.filter((c) => !this.#dismissed.includes(c.key)));

  constructor(deps: DuplicatesDeps) {
    this.#deps = deps;
  }

  get dismissed(): readonly string[] {
    return this.#dismissed;
  }

  /** The draft changed: check again after the typing pause (or clear, if there is nothing to check). */
  draftChanged(subject: DuplicateSubject): void {
    this.#cancel?.();
    const probe = this.#probeOf(subject);
    if (!probe) {
      this.#asked += 1;
      this.#candidates = [];
      return;
    }
    this.#cancel = (this.#deps.clock ?? systemClock).schedule(
      () => void this.#check(probe, subject.key),
      this.#deps.delayMs ?? 150,
    );
  }

  dismiss(key: string): void {
    if (!this.#dismissed.includes(key)) this.#dismissed = [...this.#dismissed, key];
  }

  /** A parked draft comes back with what was dismissed for it. */
  restoreDismissed(keys: readonly string[]): void {
    this.#dismissed = [...keys];
  }

  dispose(): void {
    this.#disposed = true;
    this.#cancel?.();
  }

  #probeOf(subject: DuplicateSubject): DuplicateFields | null {
    const fields = this.#deps.descriptor.duplicateFields(subject.draft);
    if (subject.key === null || subject.stored === null) return fields;
    const before = this.#deps.descriptor.duplicateFields(subject.stored);
    const edited =
      fields.name.trim() !== before.name.trim() ||
      fields.customerNumber.trim() !== before.customerNumber.trim() ||
      !deepEqual(fields.phones, before.phones) ||
      !deepEqual(fields.emails, before.emails);
    return edited ? fields : null;
  }

  async #check(probe: DuplicateFields, key: string | null): Promise<void> {
    const checker = this.#deps.checker();
    if (!checker) return;
    this.#asked += 1;
    const asked = this.#asked;
    const candidates = await checker({ probe, excludeKey: key, typing: true });
    // A newer keystroke has its own check coming: this answer is about an older draft.
    if (!this.#disposed && asked === this.#asked) this.#candidates = candidates;
  }
}
