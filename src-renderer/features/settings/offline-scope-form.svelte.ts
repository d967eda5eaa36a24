// "Keep offline" for one connection: which customers the sync keeps complete on this computer
// (the descriptor's offlineScopes), and for "My customers" the salesperson's ID. Saved in the
// connection's meta (the other meta fields kept); saving wakes the engine so it applies at once.
import type { OfflineScope } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../../lib/db/customer-store';
import type { SyncRunner } from '../../lib/sync/engine/sync-runner';
import { describeError } from '../../lib/state/error-message';

export const scopeLabels: Record<OfflineScope, string> = {
  all: 'All customers',
  mine: 'My customers',
  opened: 'Only customers I open',
};

export class OfflineScopeForm {
  #scope = $state<OfflineScope>('all');
  #saved = $state<{ scope: OfflineScope; salespersonId: string } | null>(null);
  #salespersonId = $state('');
  #touched = $state(false);
  #busy = $state(false);
  #error = $state('');
  #done = $state('');
  readonly #store: Pick<CustomerStore, 'getMeta' | 'putMeta'>;
  readonly #runner: Pick<SyncRunner, 'syncNow'>;
  readonly #connectionId: string;

  constructor(
    store: Pick<CustomerStore, 'getMeta' | 'putMeta'>,
    runner: Pick<SyncRunner, 'syncNow'>,
    connectionId: string,
  ) {
    this.#store = store;
    this.#runner = runner;
    this.#connectionId = connectionId;
  }

  async load(): Promise<void> {
    try {
      const meta = await this.#store.getMeta(this.#connectionId);
      this.#scope = meta.offlineScope;
      this.#salespersonId = meta.salespersonId ?? '';
      this.#saved = { scope: meta.offlineScope, salespersonId: this.#salespersonId };
    } catch (error) {
      this.#error = `Fieldbook could not read this setting: ${describeError(error)}`;
    }
  }

  get loaded(): boolean {
    return this.#saved !== null;
  }
  get scope(): OfflineScope {
    return this.#scope;
  }
  set scope(value: OfflineScope) {
    this.#scope = value;
    this.#done = '';
  }
  get salespersonId(): string {
    return this.#salespersonId;
  }
  set salespersonId(value: string) {
    this.#salespersonId = value;
    this.#touched = true;
    this.#done = '';
  }
  get busy(): boolean {
    return this.#busy;
  }
  get error(): string {
    return this.#error;
  }
  /** "Saved" in words, until the next change. */
  get done(): string {
    return this.#done;
  }
  /** The salesperson ID's message, once typed in (or a save was tried). */
  get salespersonError(): string {
    if (!this.#touched || this.#scope !== 'mine') return '';
    return this.#salespersonId.trim() === ''
      ? 'Type your salesperson ID from R2 to keep your own customers offline'
      : '';
  }
  get changed(): boolean {
    const saved = this.#saved;
    if (!saved) return false;
    return (
      saved.scope !== this.#scope ||
      (this.#scope === 'mine' && saved.salespersonId !== this.#salespersonId.trim())
    );
  }

  async save(): Promise<boolean> {
    this.#touched = true;
    if (this.#busy || this.salespersonError) return false;
    this.#busy = true;
    this.#error = '';
    try {
      const meta = await this.#store.getMeta(this.#connectionId);
      const salespersonId =
        this.#scope === 'mine' ? this.#salespersonId.trim() : (meta.salespersonId ?? null);
      await this.#store.putMeta({ ...meta, offlineScope: this.#scope, salespersonId });
      this.#saved = { scope: this.#scope, salespersonId: salespersonId ?? '' };
      this.#salespersonId = salespersonId ?? '';
      this.#done = `Saved: Fieldbook keeps ${scopeLabels[this.#scope].toLowerCase()} complete offline.`;
      this.#runner.syncNow(this.#connectionId);
      return true;
    } catch (error) {
      this.#error = `Fieldbook could not save this setting: ${describeError(error)} Nothing was changed.`;
      return false;
    } finally {
      this.#busy = false;
    }
  }
}
