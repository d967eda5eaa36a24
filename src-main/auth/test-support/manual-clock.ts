// A Clock the test drives: `now()` moves only when told, and sleeps end when time passes their
// deadline. Lets sign-in time-outs and token expiry be tested without waiting for them.
import type { Clock } from '../../time/clock';

export interface ManualClock extends Clock {
  advance(ms: number): void;
  /** Sleeps not yet ended. */
  pending(): number;
}

export function createManualClock(start = Date.now()): ManualClock {
  let now = start;
  const sleepers = new Set<{ until: number; wake: () => void }>();
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const sleeper = { until: now + ms, wake: resolve };
        sleepers.add(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            sleepers.delete(sleeper);
            reject(signal.reason);
          },
          { once: true },
        );
      }),
    advance(ms) {
      now += ms;
      for (const sleeper of [...sleepers]) {
        if (sleeper.until <= now) {
          sleepers.delete(sleeper);
          sleeper.wake();
        }
      }
    },
    pending: () => sleepers.size,
  };
}
