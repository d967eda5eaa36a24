// The store's way to main's change journal over `window.fieldbook`: each call answers, or throws
// the StoreError main's words make (the save or the push then fails visibly, nothing is lost).
// When main did not answer at all (its transport was down for a moment), the call is repeated a
// few times first: the transaction is already committed, and the journal must still hear of it.
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { Result } from '../../../src-shared/ipc/result';
import type { JournalPort } from '../db/journal-stamp';
import { journalFailure } from '../db/journal-restore';

const retryDelaysMs = [100, 250, 500, 1_000, 2_000, 4_000];

async function answered<T>(ask: () => Promise<Result<T>>): Promise<T> {
  let answer = await ask();
  for (const delay of retryDelaysMs) {
    if (answer.ok || answer.error.kind !== 'network') break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    answer = await ask();
  }
  if (!answer.ok) throw journalFailure(answer.error.message);
  return answer.value;
}

export function journalPortOf(api: FieldbookApi): JournalPort {
  return {
    async append(batch) {
      await answered(() => api.journal.append(batch));
    },
    read: (connectionId) => answered(() => api.journal.read({ connectionId })),
    async rewrite(whole) {
      await answered(() => api.journal.rewrite(whole));
    },
  };
}
