// Main's IPC router (docs/ipc.md): check the sender, parse `unknown` with the contract's zod
// schema, call the handler, answer a Result. It never throws: whatever goes wrong becomes an error.
import {
  contract,
  type HandlerContext,
  type Handlers,
  type IpcSender,
} from '../../src-shared/ipc/contract';
import { isChannel, type Channel } from '../../src-shared/ipc/channels';
import { checkOnce } from '../../src-shared/ipc/checked-once';
import { fail, ok, type AppError, type Result } from '../../src-shared/ipc/result';
import { redactSecrets } from '../secrets/redact';
import { validationFailure } from './validation-failure';

export interface IpcRouterOptions {
  handlers: Handlers;
  /** Electron: the sending frame is our `app://fieldbook` page; harness: the page's origin. */
  isTrustedSender: (sender: IpcSender) => boolean;
  /** Where unexpected errors go (already redacted). Defaults to console.error. */
  log?: (message: string, details: Record<string, unknown>) => void;
}

export interface IpcRouter {
  handle(channel: string, sender: IpcSender, payload: unknown): Promise<Result<unknown>>;
}

type LooseHandler = (input: unknown, ctx: HandlerContext) => Promise<Result<unknown>>;

export function createIpcRouter(options: IpcRouterOptions): IpcRouter {
  const { isTrustedSender } = options;
  const log = options.log ?? ((message, details) => console.error(message, details));
  // Each handler's input type is the parsed input of its own channel, which is exactly what the
  // router passes it after parsing with that channel's schema; TS cannot follow the correlation.
  const handlers = options.handlers as unknown as Record<Channel, LooseHandler>;

  async function dispatch(channel: string, sender: IpcSender, payload: unknown) {
    if (!trusted(sender)) {
      log('IPC request refused: untrusted sender', { channel, sender: describe(sender) });
      return fail('auth', 'Refused: this request did not come from the Fieldbook window.');
    }
    if (!isChannel(channel)) {
      return fail('validation', `Fieldbook has no operation called "${channel.slice(0, 80)}".`);
    }
    const operation = contract[channel];
    const parsed = readInput(operation.input, payload);
    if (parsed === undefined) {
      return fail(
        'validation',
        `Fieldbook could not read this request: a value in it is not plain data.`,
      );
    }
    if (!parsed.success) return validationFailure(parsed.error);

    const answer = await handlers[channel](parsed.data, { channel, sender });
    if (!isResult(answer)) return unexpected(channel, new Error('handler answered a non-Result'));
    if (!answer.ok) return answer;
    // Always, and the PARSED value is what crosses: zod objects drop keys the contract does not
    // name, so a token a handler attached by mistake never reaches the renderer. A value this
    // very schema produced (a connector parsed the server's body with it) is that parsed value.
    const checked = checkOnce(operation.output, answer.value);
    if (!checked.success) return unexpected(channel, checked.error);
    return ok(checked.data as unknown);
  }

  // A payload zod cannot even examine (an object whose `length` has a `toString` that is no
  // function makes its string checks throw) is invalid input like any other, not a fault of ours.
  function readInput<S extends { safeParse(value: unknown): unknown }>(
    schema: S,
    payload: unknown,
  ) {
    try {
      return schema.safeParse(payload) as ReturnType<S['safeParse']>;
    } catch {
      return undefined;
    }
  }

  function trusted(sender: IpcSender): boolean {
    try {
      return isTrustedSender(sender) === true;
    } catch {
      return false;
    }
  }

  function unexpected(channel: string, error: unknown): Result<never> {
    const reference = crypto.randomUUID().slice(0, 8);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log('IPC handler failed', { channel, reference, error: redactSecrets(detail) });
    return fail(
      'server',
      `Something unexpected went wrong in Fieldbook. Nothing you entered was lost; try again. ` +
        `If it keeps happening, mention reference ${reference}.`,
    );
  }

  return {
    async handle(channel, sender, payload) {
      let answer: Result<unknown>;
      try {
        answer = await dispatch(String(channel), sender ?? {}, payload);
      } catch (error) {
        answer = unexpected(String(channel), error);
      }
      return answer.ok ? answer : { ok: false, error: scrub(answer.error) };
    },
  };
}

function scrub(error: AppError): AppError {
  const fields = error.fields
    ? Object.fromEntries(
        Object.entries(error.fields).map(([key, messages]) => [key, messages.map(redactSecrets)]),
      )
    : undefined;
  return { ...error, message: redactSecrets(error.message), ...(fields ? { fields } : {}) };
}

function isResult(value: unknown): value is Result<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    ((value.ok === true && 'value' in value) || (value.ok === false && 'error' in value))
  );
}

function describe(sender: IpcSender): string {
  return typeof sender.url === 'string' ? redactSecrets(sender.url.slice(0, 200)) : '(no url)';
}
