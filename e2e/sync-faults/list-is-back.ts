// After a wipe the store holds only what the journal put back; the customers themselves return
// with the first complete pull. A person does not edit a customer the list does not show yet, so
// the run waits for that before it types again.
import type { LabStatus } from '../sync-lab/lab-api';

/**
 * Every syncing connection has finished a pull since its store was made (`lastPullAt`, from the
 * store: a wiped store starts without one). Not `lastSuccessAt`: a push-only run that goes
 * through sets it too — after a failed pull, a restored change whose backoff ends before the
 * run's is pushed first — and the list is still empty then.
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
