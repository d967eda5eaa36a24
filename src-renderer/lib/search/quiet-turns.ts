// Turns of the search worker's event loop for background work (the duplicate index filling in,
// slice by slice), given only while the list has been quiet for a moment. A key typed while a
// slice runs waits for the whole slice: at 1,000,000 customers that wait was as large as the
// search itself (docs/search.md#keystroke-split). A person types a key every 100–300 ms, so the
// background resumes as soon as they pause, and a burst of keys never queues behind it.

export interface TurnClock {
  now(): number;
  /** Resolves after `ms` (0: at the next turn of the event loop). */
  sleep(ms: number): Promise<void>;
}

const realClock: TurnClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((go) => setTimeout(go, ms)),
};

/** How long the list must have asked nothing before background work takes a turn. */
export const QUIET_MS = 300;

export class QuietTurns {
  readonly #clock: TurnClock;
  readonly #quietMs: number;
  #lastAsked = Number.NEGATIVE_INFINITY;

  constructor(clock: TurnClock = realClock, quietMs = QUIET_MS) {
    this.#clock = clock;
    this.#quietMs = quietMs;
  }

  /** The list asked for something (a query, rows): background work holds off a while. */
  asked(): void {
    this.#lastAsked = this.#clock.now();
  }

  /** The next turn at which the list has been quiet for the whole quiet time. */
  async next(): Promise<void> {
    await this.#clock.sleep(0);
    for (;;) {
      const left = this.#lastAsked + this.#quietMs - this.#clock.now();
      if (left <= 0) return;
      await this.#clock.sleep(left);
    }
  }
}
