// Builds the `window.fieldbook` object from the channel and event lists, over any transport: the
// preload passes ipcRenderer, the e2e harness a WebSocket. Zod-free, so the preload stays small.
import { channels, type Channel } from './channels';
import { isEventName, type EventName } from './event-names';
import type { FieldbookApi, Unsubscribe } from './fieldbook-api';
import type { AppError, Result } from './result';

/** Sends one request to main and resolves with main's answer (a Result). */
export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;

/**
 * Delivers every payload main sends for `event` until the returned function is called. Only ever
 * called with a name from the event list; main has already parsed the payload with its schema.
 */
export type Subscribe = (event: EventName, deliver: (payload: unknown) => void) => Unsubscribe;

type ApiNode = { [name: string]: ApiNode | ((input?: unknown) => Promise<Result<unknown>>) };

export function createFieldbookApi(invoke: Invoke, subscribe: Subscribe): FieldbookApi {
  const root: ApiNode = {};
  for (const channel of channels) {
    const path = channel.split('.');
    const name = path.pop() as string; // every channel has at least one segment
    let node = root;
    for (const segment of path) node = (node[segment] ??= {}) as ApiNode;
    node[name] = (input?: unknown) => call(invoke, channel, input);
  }
  const on = (event: unknown, listener: unknown) => listen(subscribe, event, listener);
  // The object is built generically from the same lists FieldbookApi is derived from;
  // client.test.ts checks that every channel ends up where the type says.
  return deepFreeze(Object.assign(root, { on }) as ApiNode) as unknown as FieldbookApi;
}

/** Untyped callers (the page's own scripts) get a no-op for a name that is not an event. */
function listen(subscribe: Subscribe, event: unknown, listener: unknown): Unsubscribe {
  if (!isEventName(event) || typeof listener !== 'function') return () => {};
  let listening = true;
  const stop = subscribe(event, (payload) => {
    if (!listening) return;
    try {
      (listener as (payload: unknown) => void)(payload);
    } catch (error) {
      // One broken listener must not keep the event from the others (ipcRenderer, an
      // EventEmitter, stops at the first throw), nor be swallowed: rethrown on its own, it
      // reaches the console and window.onerror like any uncaught error.
      setTimeout(() => {
        throw error;
      }, 0);
    }
  });
  return () => {
    if (!listening) return;
    listening = false;
    stop();
  };
}

async function call(invoke: Invoke, channel: Channel, input: unknown): Promise<Result<unknown>> {
  let answer: unknown;
  try {
    answer = await invoke(channel, input);
  } catch {
    // Main's router never rejects; a rejection means the transport itself failed (no handler
    // yet, the harness socket closed). Worth a retry, like a network error.
    return failure({
      kind: 'network',
      message: "Fieldbook's background process did not answer. Try again in a moment.",
    });
  }
  if (isResult(answer)) return answer;
  return failure({
    kind: 'bad_response',
    message: "Fieldbook's background process gave an answer Fieldbook does not understand.",
  });
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'kind' in error &&
    typeof error.kind === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

function failure(error: AppError): Result<never> {
  return { ok: false, error };
}

function deepFreeze(node: ApiNode): ApiNode {
  for (const child of Object.values(node)) if (typeof child === 'object') deepFreeze(child);
  return Object.freeze(node);
}
