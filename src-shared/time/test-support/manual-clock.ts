// A Clock the test drives: `now()` moves only when told, and sleeps and scheduled tasks run when
// time passes their deadline. Lets time-outs, backoff and token expiry be tested without waiting.
import type { Clock } from '../clock';

export interface ManualClock extends Clock {
  /** Moves time forward, running every sleep and task whose deadline is reached, in order. */
  advance(ms: number): void;
  /** Sleeps and scheduled tasks not yet run. */
  pending(): number;
}

interface Timer {
  until: number;
  order: number;
  run: () => void;
}

export function createManualClock(start = Date.now()): ManualClock {
  let now = start;
  let order = 0;
  const timers = new Set<Timer>();
  const add = (ms: number, run: () => void): Timer => {
    const timer = { until: now + Math.max(0, ms), order: order++, run };
    timers.add(timer);
    return timer;
  };
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer = add(ms, resolve);
        signal?.addEventListener(
          'abort',
          () => {
            timers.delete(timer);
            reject(signal.reason);
          },
          { once: true },
        );
      }),
    schedule(task, ms) {
      const timer = add(ms, task);
      return () => void timers.delete(timer);
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const due = [...timers]
          .filter((timer) => timer.until <= target)
          .sort((a, b) => a.until - b.until || a.order - b.order)[0];
        if (!due) break;
        timers.delete(due);
        now = Math.max(now, due.until);
        due.run();
      }
      now = target;
    },
    pending: () => timers.size,
  };
}
