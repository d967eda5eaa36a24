// The store's way to main's change journal over `window.fieldbook`: each call answers, or throws
// the StoreError main's words make (the save or the push then fails visibly, nothing is lost).
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { Result } from '../../../src-shared/ipc/result';
import type { JournalPort } from '../db/journal-stamp';
import { journalFailure } from '../db/journal-restore';

function valueOf<T>(answer: Result<T>): T {
  if (!answer.ok) throw journalFailure(answer.error.message);
  return answer.value;
}

export function journalPortOf(api: FieldbookApi): JournalPort {
  return {
    async append(batch) {
      valueOf(await api.journal.append(batch));
    },
    async read(connectionId) {
      return valueOf(await api.journal.read({ connectionId }));
    },
    async rewrite(whole) {
      valueOf(await api.journal.rewrite(whole));
    },
  };
}
