// The words and priorities the status shows: which pause reason wins when several hold, why the
// engine waits, and any thrown failure turned into a sentence (nothing is shown as "[object]").
import { describeError } from '../../state/error-message';
import type { PauseReason } from '../sync-status';
import type { Problem } from './engine-context';

/** The reason a salesperson can act on comes first: sign in, then get online. */
const pausePriority: readonly PauseReason[] = ['signed_out', 'offline', 'another_window'];

export function pauseReasonOf(pauses: ReadonlySet<PauseReason>): PauseReason | null {
  return pausePriority.find((reason) => pauses.has(reason)) ?? null;
}

export function waitReasonFor(situation: {
  rateLimited: boolean;
  runFailed: boolean;
  problem: Problem | null;
}): string {
  if (situation.rateLimited) return 'The server asked Fieldbook to slow down (too many requests).';
  const detail = situation.problem ? `: ${situation.problem.message}` : '.';
  if (situation.runFailed) return `Sync did not finish and will try again${detail}`;
  return `Some changes could not be sent yet and will be tried again${detail}`;
}

export function describeProblem(error: unknown): Problem {
  return { message: `Fieldbook could not update this computer's copy: ${describeError(error)}` };
}
