// The handler map for when main's services could not start: every operation answers a clear
// error instead of leaving the renderer's call unanswered, and the list of connections is empty.
import { channels } from '../../src-shared/ipc/channels';
import type { Handlers } from '../../src-shared/ipc/contract';
import { fail, ok } from '../../src-shared/ipc/result';

const notReady = async () =>
  fail(
    'server',
    'Fieldbook could not start its connection services. Restart Fieldbook; your local data is safe.',
  );

export function createUnavailableHandlers(): Handlers {
  // `notReady` answers Result<never>, which every operation's Result accepts; TS cannot see that
  // through Object.fromEntries, hence the cast.
  const handlers = Object.fromEntries(channels.map((channel) => [channel, notReady]));
  return {
    ...(handlers as unknown as Handlers),
    'connections.list': async () => ok({ connections: [] }),
  };
}
