// Builds the `window.fieldbook` object from the channel list, over any transport: the preload
// passes ipcRenderer.invoke, the e2e harness a WebSocket. Zod-free, so the preload stays small.
import { channels, type Channel } from './channels';
import type { FieldbookApi } from './fieldbook-api';
import type { AppError, Result } from './result';

/** Sends one request to main and resolves with main's answer (a Result). */
export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;

type ApiNode = { [name: string]: ApiNode | ((input?: unknown) => Promise<Result<unknown>>) };

export function createFieldbookApi(invoke: Invoke): FieldbookApi {
  const root: ApiNode = {};
  for (const channel of channels) {
    const path = channel.split('.');
    const name = path.pop() as string; // every channel has at least one segment
    let node = root;
    for (const segment of path) node = (node[segment] ??= {}) as ApiNode;
    node[name] = (input?: unknown) => call(invoke, channel, input);
  }
  // The object is built generically from the same channel list FieldbookApi is derived from;
  // channels.test.ts checks that every channel ends up where the type says.
  return deepFreeze(root) as unknown as FieldbookApi;
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
