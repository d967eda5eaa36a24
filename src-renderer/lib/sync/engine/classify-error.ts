// How the engine reacts to each kind of failed answer (docs/architecture.md#the-life-of-an-edit),
// in one place so the push, the pull, hydration and lookups agree: refuse, treat as gone, retry
// later, wait, or pause.
import type { AppError } from '../../../../src-shared/ipc/result';
import type { Interruption } from './engine-context';
import { describeError } from '../../state/error-message';

export type Reaction =
  /** The server refused the data itself (400/422): only a change by the salesperson helps. */
  | { readonly kind: 'refused' }
  /** 404: the record is not on the server (any more). */
  | { readonly kind: 'gone' }
  /** 5xx, network, unreadable answer, 409/412: try again later with backoff. */
  | { readonly kind: 'retry' }
  | { readonly kind: 'interrupt'; readonly interruption: Interruption };

/** Without a Retry-After, a 429 waits one minute: every limit we know is per minute. */
const defaultRateLimitWaitMs = 60_000;

export function reactionTo(
  error: AppError,
  context: { now: number; isOnline: () => boolean; maxRetryAfterMs: number },
): Reaction {
  switch (error.kind) {
    case 'validation':
      return { kind: 'refused' };
    case 'not_found':
      return { kind: 'gone' };
    case 'auth':
      return { kind: 'interrupt', interruption: { kind: 'pause', reason: 'signed_out', error } };
    case 'rate_limited': {
      const waitMs = Math.min(
        error.retryAfterMs ?? defaultRateLimitWaitMs,
        context.maxRetryAfterMs,
      );
      return {
        kind: 'interrupt',
        interruption: { kind: 'rate_limited', until: context.now + waitMs, error },
      };
    }
    case 'network':
      // A network failure while the computer says it is offline is not the server's fault:
      // pause until the online signal instead of burning retries.
      if (!context.isOnline()) {
        return { kind: 'interrupt', interruption: { kind: 'pause', reason: 'offline', error } };
      }
      return { kind: 'retry' };
    case 'server':
    case 'bad_response':
    case 'conflict':
      return { kind: 'retry' };
  }
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
export function runInterruption(
  error: AppError,
  context: { now: number; isOnline: () => boolean; maxRetryAfterMs: number },
): Interruption {
  const reaction = reactionTo(error, context);
  return reaction.kind === 'interrupt' ? reaction.interruption : { kind: 'retry', error };
}
