// How the engine reacts to each kind of failed answer (docs/architecture.md#the-retry-policy): the
// shared retry policy decides (refuse, treat as gone, retry later, wait, or pause), so the push,
// the pull, hydration and lookups agree; here that decision becomes the run's Interruption.
import type { AppError } from '../../../../src-shared/ipc/result';
import { reactionToFailure, type FailureReaction } from '../../../../src-shared/sync/retry-policy';
import type { Interruption } from './engine-context';
import { describeError } from '../../state/error-message';

/** What the engine needs to know to react to a failure: the time, whether it is online, the cap. */
export interface FailureContext {
  readonly now: number;
  isOnline(): boolean;
  readonly maxRetryAfterMs: number;
}

/** The shared retry policy's reaction to a failed answer (src-shared/sync/retry-policy.ts). */
export function reactionTo(error: AppError, context: FailureContext): FailureReaction {
  return reactionToFailure(error, {
    isOnline: error.kind !== 'network' || context.isOnline(),
    maxRetryAfterMs: context.maxRetryAfterMs,
  });
}

/** The interruption of the run a reaction means (pause, wait for the server), or null. */
export function interruptionFor(
  reaction: FailureReaction,
  error: AppError,
  now: number,
): Interruption | null {
  if (reaction.kind === 'pause') return { kind: 'pause', reason: reaction.reason, error };
  if (reaction.kind === 'rate_limited') {
    return { kind: 'rate_limited', until: now + reaction.waitMs, error };
  }
  return null;
}

/** A Result-shaped call that may also throw (a broken bridge): a throw becomes a network error. */
export async function safely<T>(
  call: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>,
): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  try {
    return await call();
  } catch (cause) {
    return {
      ok: false,
      error: {
        kind: 'network',
        message: `The request did not complete (${describeError(cause)})`,
      },
    };
  }
}

/** A failed read (list page, lookups, full record) ends the run: it waits, pauses or backs off. */
export function runInterruption(error: AppError, context: FailureContext): Interruption {
  const reaction = reactionTo(error, context);
  return interruptionFor(reaction, error, context.now) ?? { kind: 'retry', error };
}
