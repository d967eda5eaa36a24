// A live read of the store as a value runes can read (docs/architecture.md#one-signal-for-every-data-change).
// createSubscriber subscribes when the first effect or template reads `current` and unsubscribes
// when the last one is gone, so a screen that is not shown keeps no query running; each answer of
// the read re-runs exactly the effects that read it.
import { createSubscriber } from 'svelte/reactivity';
import type { LiveRead } from '../db/live-read';

export class LiveValue<T> {
  #value: T;
  #error: unknown = null;
  readonly #subscribe: () => void;

  /** `initial` is what `current` says until the read first answers (e.g. the row already read). */
  constructor(read: LiveRead<T>, initial: T) {
    this.#value = initial;
    this.#subscribe = createSubscriber((update) => {
      const subscription = read.subscribe({
        next: (value) => {
          this.#value = value;
          this.#error = null;
          update();
        },
        // A failed read (a closed database, a full disk) is the reader's to show: kept, not
        // swallowed. The value stays the last good one.
        error: (error) => {
          this.#error = error;
          update();
        },
      });
      return () => subscription.unsubscribe();
    });
  }

  /** The newest answer while someone reads it; outside an effect, the last one heard. */
  get current(): T {
    this.#subscribe();
    return this.#value;
  }

  /** Why the read failed (null while it works); it does not answer again after a failure. */
  get error(): unknown {
    this.#subscribe();
    return this.#error;
  }
}
