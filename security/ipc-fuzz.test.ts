// IPC fuzzing (docs/security.md): 10,000 hostile payloads per contract channel, sent the way
// Electron delivers them (structured clone, a sender frame) into main's REAL router bound by the
// REAL ipc-electron binding, with handlers that record what they receive and misbehave on purpose.
// Asserted: no invalid payload reaches a handler, nothing throws, every answer is a valid Result.
import fc from 'fast-check';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { channels, isChannel, type Channel } from '../src-shared/ipc/channels';
import { contract, resultSchemaOf, type Handlers } from '../src-shared/ipc/contract';
import { fail, type ErrorKind } from '../src-shared/ipc/result';
import { createIpcRouter } from '../src-main/ipc/router';
import { fakeElectron } from '../src-main/platform/test-support/fake-electron';
import { payloadFor, pollutionKeys } from './support/hostile-values';
import { validPayloads } from './support/ipc-seeds';
import { reportCounts } from './support/summary';

vi.mock(
  'electron',
  async () => (await import('../src-main/platform/test-support/fake-electron')).fakeElectron,
);

const { bindIpcRouter, isTrustedElectronSender } =
  await import('../src-main/platform/ipc-electron');

const runsPerChannel = Number(process.env.FUZZ_RUNS ?? 10_000);
const appFrame = { url: 'app://fieldbook/index.html', parent: null };

/** What a handler does with a valid input: every way it could answer, good and bad. */
const behaviours = ['fail', 'throw', 'throw-string', 'non-result', 'ok-garbage', 'reject'] as const;
type Behaviour = (typeof behaviours)[number];

interface Received {
  channel: Channel;
  input: unknown;
}
const received: Received[] = [];
let nextBehaviour: Behaviour = 'fail';

function recordingHandlers(): Handlers {
  const handler = (channel: Channel) => async (input: unknown) => {
    received.push({ channel, input });
    switch (nextBehaviour) {
      case 'fail':
        return fail('not_found', 'recorded');
      case 'throw':
        throw new Error('handler blew up with token=abc.def');
      case 'throw-string':
        throw 'a bare string';
      case 'non-result':
        return { value: input } as never;
      case 'ok-garbage':
        return { ok: true, value: { unexpected: input } } as never;
      case 'reject':
        return Promise.reject(new TypeError('rejected'));
    }
  };
  return Object.fromEntries(
    channels.map((channel) => [channel, handler(channel)]),
  ) as unknown as Handlers;
}

/** Electron must be able to send the answer back to the window. */
function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

function isFailure(answer: unknown, kind: ErrorKind): boolean {
  const result = answer as { ok?: unknown; error?: { kind?: unknown } };
  return result.ok === false && result.error?.kind === kind;
}

const logged: string[] = [];
const router = createIpcRouter({
  handlers: recordingHandlers(),
  isTrustedSender: isTrustedElectronSender,
  log: (message) => logged.push(message),
});
bindIpcRouter(router);

/** Calls a channel as the renderer would: Electron structured-clones the payload on the way. */
async function invoke(channel: string, payload: unknown, senderFrame: unknown) {
  const listener = fakeElectron.ipcHandlers.get(channel);
  if (!listener) throw new Error(`no ipcMain handler for ${channel}`);
  return listener({ senderFrame }, structuredClone(payload));
}

const counts = { channels: 0, payloads: 0, accepted: 0, crashes: 0, missed: 0 };
afterAll(() => reportCounts('ipc-fuzz', counts));

describe('IPC fuzzing through the real router', () => {
  test('the binding registers every contract channel and nothing else', () => {
    expect([...fakeElectron.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
  });

  test.each(channels.map((channel) => [channel]))(
    '%s: no invalid payload reaches its handler, every answer is a valid Result',
    async (channel) => {
      const schema = contract[channel].input;
      const answerSchema = resultSchemaOf(channel);
      counts.channels++;
      await fc.assert(
        fc.asyncProperty(
          payloadFor(validPayloads[channel]),
          fc.constantFrom(...behaviours),
          async (payload, behaviour) => {
            counts.payloads++;
            nextBehaviour = behaviour;
            received.length = 0;
            // The oracle parses the generated value itself; the router gets a structured clone.
            const valid = parsesAs(schema, payload);
            let answer: unknown;
            try {
              answer = await invoke(channel, payload, appFrame);
            } catch {
              counts.crashes++;
              return false;
            }
            // Plain checks rather than expect(): 350,000 runs, and a failure still shows the
            // counterexample fast-check shrank.
            const wellFormed = answerSchema.safeParse(answer).success && cloneable(answer);
            if (!wellFormed) counts.crashes++;
            if (!valid && received.length > 0) counts.accepted++;
            if (valid && received.length !== 1) counts.missed++;
            const refusedAsInvalid = valid || isFailure(answer, 'validation');
            const inputsConform = received.every(
              (call) => call.channel === channel && schema.safeParse(call.input).success,
            );
            return (
              wellFormed && received.length === (valid ? 1 : 0) && refusedAsInvalid && inputsConform
            );
          },
        ),
        { numRuns: runsPerChannel },
      );
      // Nothing a payload carried reached Object.prototype.
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(pristinePrototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

/**
 * Whether `value` is valid input. A value zod cannot even examine is not: one whose `length` is an
 * object with a `toString` that is no function makes zod's string-length check throw a TypeError
 * (fast-check generated `{ connectionId: { length: { toString: Uint8Array } } }`).
 */
function parsesAs(schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) {
  try {
    return schema.safeParse(value).success;
  } catch {
    return false;
  }
}

const answerSchemas = Object.fromEntries(channels.map((c) => [c, resultSchemaOf(c)])) as {
  [C in Channel]: ReturnType<typeof resultSchemaOf<C>>;
};
const pristinePrototype = Object.getOwnPropertyNames(Object.prototype).sort();

// Look-alikes of app://fieldbook and pages the window must never have shown.
const foreignUrls = [
  'app://fieldbook.evil/index.html',
  'app://evil.fieldbook/index.html',
  'app://fieldbook@evil.example/',
  'app://evil@fieldbook.evil/',
  'https://fieldbook/index.html',
  'http://fieldbook/',
  'file:///app/out/renderer/index.html',
  'data:text/html,<script>1</script>',
  'javascript:alert(1)',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  'chrome-extension://abc/index.html',
  '',
  'app:fieldbook',
];

describe('foreign senders and unknown channels', () => {
  test('a payload too deep for Electron to clone still gets a Result when it reaches the router', async () => {
    // Electron's structured clone refuses 10,000 levels before main sees them; the e2e harness
    // hands main parsed JSON, so the router must cope on its own.
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { id: deep };
    for (const channel of channels) {
      counts.payloads++;
      received.length = 0;
      const answer = await router.handle(channel, { url: appFrame.url, topFrame: true }, deep);
      expect(answer).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(received).toHaveLength(0);
    }
  });

  test('a request from any frame but our own top-level page is refused with an auth Result', async () => {
    const senderFrame = fc.oneof(
      // Our own URL, but from a subframe (an iframe inside the window).
      fc.constant({ url: appFrame.url, parent: { url: appFrame.url } }),
      fc.record({ url: fc.constantFrom(...foreignUrls), parent: fc.constant(null) }),
      fc.record({
        url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
        parent: fc.constant(null),
      }),
      fc
        .record({ url: fc.string(), parent: fc.constant(null) })
        .filter(({ url }) => !url.startsWith('app://fieldbook/')),
      fc.constantFrom(null, undefined, {}, { url: 42, parent: null }),
      // A frame that was destroyed while the request was on its way: its getters throw.
      fc.constant(
        Object.defineProperty({}, 'url', {
          get: () => {
            throw new Error('Render frame was disposed');
          },
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), senderFrame, async (channel, frame) => {
        counts.payloads++;
        received.length = 0;
        const answer = await invoke(channel, validPayloads[channel], frame);
        if (received.length > 0) counts.accepted++;
        const wellFormed = answerSchemas[channel].safeParse(answer).success;
        if (!wellFormed) counts.crashes++;
        return wellFormed && isFailure(answer, 'auth') && received.length === 0;
      }),
      { numRuns: runsPerChannel },
    );
  });

  test('an unknown channel name is refused with a validation Result, nothing is called', async () => {
    const unknownName = fc
      .oneof(
        fc.string(),
        fc.constantFrom(
          ...pollutionKeys,
          'shell.openExternal',
          'connections',
          'connections.list ',
          'CONNECTIONS.LIST',
        ),
        fc.constantFrom(...channels).map((channel) => `${channel}.__proto__`),
      )
      .filter((name) => !isChannel(name));
    await fc.assert(
      fc.asyncProperty(unknownName, payloadFor(undefined), async (name, payload) => {
        counts.payloads++;
        received.length = 0;
        let answer: unknown;
        try {
          answer = await router.handle(name, { url: appFrame.url, topFrame: true }, payload);
        } catch {
          counts.crashes++;
          return false;
        }
        if (received.length > 0) counts.accepted++;
        return (
          isFailure(answer, 'validation') &&
          received.length === 0 &&
          !fakeElectron.ipcHandlers.has(name)
        );
      }),
      { numRuns: runsPerChannel },
    );
  });
});
