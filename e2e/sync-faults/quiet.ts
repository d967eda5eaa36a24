// Waiting for the page to be quiet: no call of ours to main unanswered and no engine pulling,
// pushing or hydrating. Only then may a colleague touch the server without racing one of our
// requests (Revnue's PUT of a whole record would otherwise overwrite it — the API has no ETags).
import type { LabActivity } from '../sync-lab/lab-api';
import type { LabSession } from './lab-session';

const busy = new Set(['pulling', 'pushing', 'hydrating']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** No call of ours to main unanswered and no engine pulling, pushing or hydrating. */
export function isQuiet(activity: LabActivity): boolean {
  return activity.inFlight === 0 && activity.statuses.every((status) => !busy.has(status.phase));
}

/** Once quiet: a request main sent just before may still sit in the sandbox's injected latency
 * (≤ 500 ms). */
export const latencyMarginMs = 700;

export async function waitQuiet(session: LabSession, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const activity = await session.retrying('activity');
    if (isQuiet(activity)) {
      await sleep(latencyMarginMs);
      return;
    }
    if (Date.now() > deadline)
      throw new Error(
        `the page did not go quiet offline in ${timeoutMs / 1000} s: ${JSON.stringify(activity)}`,
      );
    await sleep(100);
  }
}

/** Polls `check` until it answers true; throws with `what` after the timeout. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s: ${what}`);
    await sleep(everyMs);
  }
}
