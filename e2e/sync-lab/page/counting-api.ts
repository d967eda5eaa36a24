// window.fieldbook with a counter in front: how many calls to main are unanswered right now, and
// how many customer calls went out while the lab said "offline". The run waits for zero before a
// colleague edits the server, so no push of ours can be on the wire at the same moment.
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';

export interface CallCounter {
  readonly inFlight: number;
  readonly sentWhileOffline: number;
}

type Node = { [name: string]: unknown };

export function countingApi(
  api: FieldbookApi,
  isOnline: () => boolean,
): { api: FieldbookApi; counter: CallCounter } {
  const counts = { inFlight: 0, sentWhileOffline: 0 };
  const wrap = (node: Node, path: string): Node => {
    const out: Node = {};
    for (const [name, value] of Object.entries(node)) {
      const channel = path ? `${path}.${name}` : name;
      if (typeof value === 'function' && path === '') {
        // Top-level functions are not operations (`on` subscribes to main's events).
        out[name] = value;
      } else if (typeof value === 'function') {
        out[name] = async (...args: unknown[]) => {
          if (!isOnline() && /\.customers\./.test(channel)) counts.sentWhileOffline += 1;
          counts.inFlight += 1;
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(node, args);
          } finally {
            counts.inFlight -= 1;
          }
        };
      } else if (typeof value === 'object' && value !== null) {
        out[name] = wrap(value as Node, channel);
      }
    }
    return out;
  };
  return {
    // Same operations, same shapes: only a counter in front of each one.
    api: wrap(api as unknown as Node, '') as unknown as FieldbookApi,
    counter: {
      get inFlight() {
        return counts.inFlight;
      },
      get sentWhileOffline() {
        return counts.sentWhileOffline;
      },
    },
  };
}
