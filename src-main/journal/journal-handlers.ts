// `journal.read`, `journal.append`, `journal.rewrite`: the window's way to its change journal.
// The contract has already validated every record; here a connection that no longer exists is
// refused (and logged), and a disk that fails is said in words.
import type { Handlers } from '../../src-shared/ipc/contract';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { ConnectionStore } from '../connections/connection-store';
import { JournalRefused, type JournalStore } from './journal-store';

type JournalChannels = 'journal.read' | 'journal.append' | 'journal.rewrite';

function diskFailure(error: unknown): Result<never> {
  if (error instanceof JournalRefused) return fail('server', error.message);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return fail(
    'server',
    `Fieldbook could not write its change journal on this computer${code ? ` (${code})` : ''}. ` +
      'Check that the disk is not full and try again.',
  );
}

export function createJournalHandlers(
  journal: JournalStore,
  connections: Pick<ConnectionStore, 'get'>,
  log: (line: string) => void,
): Pick<Handlers, JournalChannels> {
  async function known(connectionId: string, what: string): Promise<Result<null>> {
    const connection = await connections.get(connectionId);
    if (connection.ok) return ok(null);
    log(`journal: ignored ${what} for a connection that no longer exists`);
    return connection;
  }
  return {
    'journal.read': async ({ connectionId }) => {
      const exists = await known(connectionId, 'a read');
      if (!exists.ok) return exists;
      try {
        return ok(await journal.read(connectionId));
      } catch (error) {
        return diskFailure(error);
      }
    },
    'journal.append': async (batch) => {
      const exists = await known(batch.connectionId, 'a change');
      if (!exists.ok) return exists;
      try {
        return ok(await journal.append(batch));
      } catch (error) {
        return diskFailure(error);
      }
    },
    'journal.rewrite': async ({ connectionId, seq, records }) => {
      const exists = await known(connectionId, 'a rewrite');
      if (!exists.ok) return exists;
      try {
        await journal.rewrite(connectionId, seq, records);
        return ok(null);
      } catch (error) {
        return diskFailure(error);
      }
    },
  };
}
