// When to ask main again whether a background sign-in has finished: exponential backoff, capped,
// for a bounded number of attempts. The timer is injected so tests drive it by hand.

export interface PollPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this many answers of "still signing in", stop asking (a reload or select restarts). */
  maxAttempts: number;
}

/**
 * In the harness the sign-in completes in milliseconds; in the app a person signs in in their
 * browser, which can take minutes: 0.25 s, 0.5 s, 1 s … then every 5 s, about 4.7 min in all.
 */
export const signInPollPolicy: PollPolicy = {
  firstDelayMs: 250,
  maxDelayMs: 5000,
  maxAttempts: 60,
};

/** Runs `task` after `ms`; the function it returns cancels it if it has not run yet. */
export type Schedule = (task: () => void, ms: number) => () => void;

export const browserSchedule: Schedule = (task, ms) => {
  const handle = window.setTimeout(task, ms);
  return () => window.clearTimeout(handle);
};

export function pollDelay(attempt: number, policy: PollPolicy): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** attempt);
}
