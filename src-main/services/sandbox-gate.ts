// Holds back every operation on a sandbox connection until the sandbox is listening again (it
// restarts in the background when main starts), so no call hits a port nobody listens on yet.
import type { Channel } from '../../src-shared/ipc/channels';
import type { Handler, Handlers } from '../../src-shared/ipc/contract';
import type { SandboxService } from './sandbox-handlers';

function connectionIdOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const id = (input as { connectionId?: unknown }).connectionId;
  return typeof id === 'string' ? id : undefined;
}

export function gateSandboxConnections(
  handlers: Handlers,
  sandbox: Pick<SandboxService, 'ready'>,
): Handlers {
  const gated: Partial<Record<Channel, Handler<Channel>>> = {};
  for (const channel of Object.keys(handlers) as Channel[]) {
    // Widened to Handler<Channel> on purpose: the wrapper passes input and answer through untouched.
    const handler = handlers[channel] as Handler<Channel>;
    gated[channel] = async (input, ctx) => {
      const id = connectionIdOf(input);
      if (id !== undefined) {
        const ready = await sandbox.ready(id);
        if (!ready.ok) return ready;
      }
      return handler(input, ctx);
    };
  }
  return gated as Handlers;
}
