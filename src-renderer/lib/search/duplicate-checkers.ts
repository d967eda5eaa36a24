// How the editor's duplicate warning reaches the search worker of its connection: the list starts
// that worker (it already holds every customer), and the worker's client offers its duplicate
// check here by connection id while it runs. One registry per window, like the navigation.
import type { DuplicateCandidate } from '../../../src-shared/duplicates';
import type { DuplicateRequest, ToWorker } from './search-types';

export type DuplicateChecker = (
  request: DuplicateRequest,
) => Promise<readonly DuplicateCandidate[]>;

const checkers = new Map<string, DuplicateChecker>();

/** Offers `checker` for the connection; the returned function withdraws it. */
export function provideDuplicateChecker(
  connectionId: string,
  checker: DuplicateChecker,
): () => void {
  checkers.set(connectionId, checker);
  return () => {
    if (checkers.get(connectionId) === checker) checkers.delete(connectionId);
  };
}

/** The connection's checker, when its customer list (and so its worker) is running. */
export function duplicateCheckerFor(connectionId: string): DuplicateChecker | undefined {
  return checkers.get(connectionId);
}

/** The client's side of the worker's duplicate checks: each question gets its own answer. */
export class DuplicateChecks {
  readonly #send: (message: ToWorker) => void;
  readonly #waiting = new Map<number, (candidates: readonly DuplicateCandidate[]) => void>();
  #seq = 0;

  constructor(send: (message: ToWorker) => void) {
    this.#send = send;
  }

  ask(request: DuplicateRequest): Promise<readonly DuplicateCandidate[]> {
    this.#seq += 1;
    const seq = this.#seq;
    return new Promise((resolve) => {
      this.#waiting.set(seq, resolve);
      // A plain copy: a Svelte state proxy cannot be posted.
      this.#send({ type: 'duplicates', seq, ...structuredCloneable(request) });
    });
  }

  answer(seq: number, candidates: readonly DuplicateCandidate[]): void {
    this.#waiting.get(seq)?.(candidates);
    this.#waiting.delete(seq);
  }

  /** The worker stops: nobody waits for an answer that cannot come. */
  close(): void {
    for (const resolve of this.#waiting.values()) resolve([]);
    this.#waiting.clear();
  }
}

function structuredCloneable(request: DuplicateRequest): DuplicateRequest {
  const { probe } = request;
  return {
    excludeKey: request.excludeKey,
    typing: request.typing,
    probe: {
      name: probe.name,
      customerNumber: probe.customerNumber,
      phones: [...probe.phones],
      emails: [...probe.emails],
      websites: [...probe.websites],
      addressLine: probe.addressLine,
      city: probe.city,
    },
  };
}
