// Web Locks for Node tests (Node 20 has no navigator.locks): exclusive locks by name, a FIFO queue,
// `signal` to leave the queue and `steal` to take a held lock — with the spec's outcomes (the
// robbed holder's request rejects with an AbortError). The browser suite checks the real ones.
import type { Heartbeat, LockManagerLike } from '../engine/profile-lock';

interface Waiter {
  readonly grant: () => void;
  readonly reject: (reason: unknown) => void;
}

interface Holder {
  readonly rob: () => void;
}

export class MemoryLocks implements LockManagerLike {
  readonly #held = new Map<string, Holder>();
  readonly #queues = new Map<string, Waiter[]>();

  isHeld(name: string): boolean {
    return this.#held.has(name);
  }

  request<R>(
    name: string,
    options: { mode?: 'exclusive'; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<R>,
  ): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const { signal, steal } = options;
      if (signal && steal)
        return reject(new DOMException('steal with a signal', 'NotSupportedError'));
      if (signal?.aborted) return reject(signal.reason);
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        outcome();
      };
      const grant = () => {
        const holder: Holder = {
          rob: () => finish(() => reject(new DOMException('The lock was stolen', 'AbortError'))),
        };
        this.#held.set(name, holder);
        callback({ name })
          .then(
            (value) => finish(() => resolve(value)),
            (error: unknown) => finish(() => reject(error)),
          )
          .finally(() => {
            if (this.#held.get(name) === holder) this.#release(name);
          });
      };
      if (steal) {
        this.#held.get(name)?.rob();
        this.#held.delete(name);
        return grant();
      }
      if (!this.#held.has(name)) return grant();
      const waiter: Waiter = { grant, reject };
      const queue = this.#queues.get(name) ?? [];
      queue.push(waiter);
      this.#queues.set(name, queue);
      signal?.addEventListener('abort', () => {
        const index = queue.indexOf(waiter);
        if (index < 0) return;
        queue.splice(index, 1);
        reject(signal.reason);
      });
    });
  }

  #release(name: string): void {
    this.#held.delete(name);
    const next = this.#queues.get(name)?.shift();
    next?.grant();
  }
}

export function memoryHeartbeat(): Heartbeat & { value: number | null } {
  return {
    value: null,
    read() {
      return this.value;
    },
    write(at) {
      this.value = at;
    },
  };
}
