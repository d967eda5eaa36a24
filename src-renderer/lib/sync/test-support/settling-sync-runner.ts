// The profile's sync runner as tests drive it: the real ProfileSyncRunner plus ways to wait for
// its engines (settled, quiet, isSettled), which the app never needs and so does not have.
import type { SyncEngine, SyncEngineOptions } from '../engine/sync-engine';
import { ProfileSyncRunner, type SyncRunnerOptions } from '../engine/sync-runner';
import { SettlingSyncEngine } from './settling-sync-engine';

export class SettlingSyncRunner extends ProfileSyncRunner {
  readonly #wakers = new Set<() => void>();

  /** Every engine idle with nothing due (waits through pauses and backoff). */
  async settled(): Promise<void> {
    for (;;) {
      // Subscribe before checking, so a change during the check is not missed.
      const woken = this.#nextActivity();
      if (await this.isSettled()) return;
      await woken;
    }
  }

  /** Whether `settled()` would resolve now. */
  async isSettled(): Promise<boolean> {
    const states = await Promise.all(this.#engines().map((engine) => engine.isSettled()));
    return states.every(Boolean);
  }

  /** No run in progress anywhere (tests drive a manual clock between these). */
  async quiet(): Promise<void> {
    await Promise.all(this.#engines().map((engine) => engine.quiet()));
  }

  /** Every engine is a SettlingSyncEngine: this runner made them all. */
  protected override createEngine(options: SyncEngineOptions<unknown>): SyncEngine<unknown> {
    const engine = new SettlingSyncEngine(options);
    // A status change or the end of a run may be what settled() waits for.
    engine.subscribe(() => this.#activity());
    engine.onRunEnded(() => this.#activity());
    return engine;
  }

  #engines(): SettlingSyncEngine<unknown>[] {
    return [...this.engines.values()] as SettlingSyncEngine<unknown>[];
  }

  #activity(): void {
    for (const wake of [...this.#wakers]) wake();
  }

  #nextActivity(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        this.#wakers.delete(wake);
        resolve();
      };
      this.#wakers.add(wake);
    });
  }
}

export function createSettlingSyncRunner(options: SyncRunnerOptions): SettlingSyncRunner {
  return new SettlingSyncRunner(options);
}
