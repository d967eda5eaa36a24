// After a wipe the store holds only what the journal put back; the customers themselves return
// with the first complete pull. A person does not edit a customer the list does not show yet, so
// the run waits for that before it types again.
import type { LabStatus } from '../sync-lab/lab-api';

/**
 * Every syncing connection has finished a pull since its store was made (`lastPullAt`, from the
 * store: a wiped store starts without one). Not `lastSuccessAt`: a push-only run that goes
 * through sets it too, and one can come before any pull (the first run's push stopped after
 * failures in a row, or its pull failed and a restored change's backoff ended first) — the list
 * is still empty then.
 */
export function listIsBack(
  statuses: readonly Pick<LabStatus, 'connectionId'>[],
  lastPulls: Readonly<Record<string, number | null>>,
): boolean {
  return (
    statuses.length > 0 &&
    statuses.every((status) => (lastPulls[status.connectionId] ?? null) !== null)
  );
}
