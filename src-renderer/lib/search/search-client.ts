// The main thread's side of the search worker: starts it for one connection, numbers the
// queries so only the newest answer counts, and hands every message to one listener.
import type { ConnectorKind } from '../../../src-shared/connection';
import type { DuplicateCandidate } from '../../../src-shared/duplicates';
import { DuplicateChecks, provideDuplicateChecker } from './duplicate-checkers';
import type { DuplicateRequest, FromWorker, ListQuery, ToWorker } from './search-types';

export interface SearchClient {
  query(query: ListQuery): number;
  rows(docs: readonly number[]): void;
  /** The customer keys of `docs`, in order (null where a doc is gone). */
  keys(docs: ArrayLike<number>): Promise<(string | null)[]>;
  refresh(): void;
  /** The editor's duplicate warning asks the worker that already holds every customer. */
  checkDuplicates(request: DuplicateRequest): Promise<readonly DuplicateCandidate[]>;
  close(): void;
}

export interface SearchClientOptions {
  readonly dbName: string;
  readonly connectionId: string;
  readonly kind: ConnectorKind;
  readonly onMessage: (message: FromWorker) => void;
}

export function startSearchWorker(options: SearchClientOptions): SearchClient {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), {
    type: 'module',
    name: 'customer-search',
  });
  const send = (message: ToWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  const checks = new DuplicateChecks(send);
  // Answers to `keys` by their request id; the list never sees them.
  const waitingKeys = new Map<number, (keys: (string | null)[]) => void>();
  let keysId = 0;
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'duplicates') {
      checks.answer(message.seq, message.candidates);
      return;
    }
    if (message.type === 'keys') {
      waitingKeys.get(message.id)?.([...message.keys]);
      waitingKeys.delete(message.id);
      return;
    }
    options.onMessage(message);
  };
  worker.onerror = (event) => {
    options.onMessage({ type: 'error', message: event.message || 'The search stopped working.' });
  };
  send({
    type: 'open',
    dbName: options.dbName,
    connectionId: options.connectionId,
    kind: options.kind,
  });
  let seq = 0;
  const checkDuplicates = (request: DuplicateRequest) => checks.ask(request);
  const stopProviding = provideDuplicateChecker(options.connectionId, checkDuplicates);
  return {
    query(query) {
      seq += 1;
      send({ type: 'query', seq, query: plainQuery(query) });
      return seq;
    },
    rows(docs) {
      send({ type: 'rows', seq, docs: [...docs] });
    },
    keys(docs) {
      keysId += 1;
      const id = keysId;
      return new Promise((resolve) => {
        waitingKeys.set(id, resolve);
        // A typed copy (one memcpy to clone, moved, not cloned): the list keeps its own, and a
        // million doc numbers as a JS array would cost the window tens of milliseconds.
        const copy = Int32Array.from(docs);
        send({ type: 'keys', id, docs: copy }, [copy.buffer]);
      });
    },
    refresh: () => send({ type: 'refresh' }),
    checkDuplicates,
    close: () => {
      stopProviding();
      checks.close();
      worker.terminate();
      // A closed list resolves nothing any more: its selection is gone with it.
      for (const resolve of waitingKeys.values()) resolve([]);
      waitingKeys.clear();
    },
  };
}

/** A plain copy: a Svelte state proxy cannot be posted. */
function plainQuery(query: ListQuery): ListQuery {
  return {
    text: query.text,
    facets: { ...query.facets },
    badge: query.badge,
    sort: { column: query.sort.column, descending: query.sort.descending },
    only: query.only ? { keys: [...query.only.keys], keepOrder: query.only.keepOrder } : null,
  };
}
