// Why a waiting change waits, in one sentence for the Changes view (the user can
// always see every pending change and why it waits).
import type { ConnectorWording } from '../../../src-shared/connectors/descriptor';
import type { OutboxRow } from '../db/rows';
import { describeError } from './error-message';

export function reasonOf(entry: OutboxRow, wording: ConnectorWording, now: number): string {
  switch (entry.state) {
    case 'conflict':
      return entry.conflict?.kind === 'deleted_on_server'
        ? wording.deletedOnServer
        : 'Conflict: this customer was also changed on the server. Choose which values to keep.';
    case 'rejected':
      return entry.lastError
        ? `Refused by ${wording.apiName}: ${describeError(entry.lastError)} Fix the customer to send it again.`
        : `Refused by ${wording.apiName}. Fix the customer to send it again.`;
    case 'in_flight':
      return entry.outcomeUnknown
        ? `Sent, but ${wording.apiName} did not answer; Fieldbook checks before sending it again.`
        : 'Being sent now.';
    case 'pending': {
      const later = entry.nextAttemptAt !== null && entry.nextAttemptAt > now;
      if (entry.lastError && later) {
        const seconds = Math.ceil(((entry.nextAttemptAt ?? now) - now) / 1000);
        return `Waiting to be tried again in ${seconds} s: ${describeError(entry.lastError)}`;
      }
      return 'Saved on this computer; waiting to be sent.';
    }
  }
}

export const kindWords: Record<OutboxRow['kind'], string> = {
  create: 'New customer',
  update: 'Changes',
};
