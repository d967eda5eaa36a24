// The loop's state machine under random sequences of what can happen to it — requests, runs that
// end well or badly, pause reasons coming and going, time passing, close — checked after every
// step against a small model: never two runs at once, exactly the timers the state needs, closed
// is final, and the status published is the state's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createManualClock,
  type ManualClock,
} from '../../../../src-shared/time/test-support/manual-clock';
import type { PauseReason } from '../sync-status';
import { testTiming } from '../test-support/test-timing';
import type { RunReport } from './engine-context';
import type { RunKind } from './run-phases';
import { pausesOf, SyncLoop, type EngineState, type LoopWork } from './sync-loop';

type Ending = 'ok' | 'retry' | 'rate_limited' | 'signed_out' | 'offline';

type Event =
  | { readonly kind: 'request'; readonly run: RunKind }
  | { readonly kind: 'syncNow' }
  | { readonly kind: 'finish'; readonly ending: Ending; readonly waitMs: number }
  | { readonly kind: 'pause'; readonly reason: PauseReason; readonly on: boolean }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'close' };

const reasons: readonly PauseReason[] = ['signed_out', 'offline', 'another_window'];

const events: fc.Arbitrary<Event> = fc.oneof(
  fc.record({
    kind: fc.constant('request' as const),
    run: fc.constantFrom<RunKind>('full', 'push'),
  }),
  fc.constant({ kind: 'syncNow' as const }),
  {
    arbitrary: fc.record({
      kind: fc.constant('finish' as const),
      ending: fc.constantFrom<Ending>('ok', 'retry', 'rate_limited', 'signed_out', 'offline'),
      waitMs: fc.integer({ min: 1, max: 200_000 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('pause' as const),
      reason: fc.constantFrom(...reasons),
      on: fc.boolean(),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.integer({ min: 1, max: 150_000 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.constant({ kind: 'close' as const }), weight: 1 },
);

/** The runs, held open until the test ends them; counts how many were ever open at once. */
class HeldRuns implements LoopWork {
  open = 0;
  mostOpenAtOnce = 0;
  started = 0;
  #finish: ((report: RunReport) => void) | null = null;

  recover = () => Promise.resolve();
  recordSuccess = () => Promise.resolve();
  countWaiting = () => Promise.resolve(0);
  nextDueAt = () => Promise.resolve(null);

  run(): Promise<RunReport> {
    this.open += 1;
    this.started += 1;
    this.mostOpenAtOnce = Math.max(this.mostOpenAtOnce, this.open);
    return new Promise((resolve) => {
      this.#finish = (report) => {
        this.open -= 1;
        this.#finish = null;
        resolve(report);
      };
    });
  }

  /** Ends the open run, if there is one. */
  finish(report: RunReport): boolean {
    if (!this.#finish) return false;
    this.#finish(report);
    return true;
  }
}

function reportOf(ending: Ending, until: number): RunReport {
  const error = { message: `the run ended: ${ending}` };
  const base = { runError: null, lastEntryError: null, pushed: 0 };
  switch (ending) {
    case 'ok':
      return { ...base, interruption: null };
    case 'retry':
      return { ...base, interruption: { kind: 'retry', error } };
    case 'rate_limited':
      return { ...base, interruption: { kind: 'rate_limited', until, error } };
    case 'signed_out':
    case 'offline':
      return { ...base, interruption: { kind: 'pause', reason: ending, error } };
  }
}

/** Lets every promise chain the loop started run to its end (the clock stays where it is). */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The model: what the loop's state may be after `event`, from the state before it. */
interface Model {
  closed: boolean;
  rateLimitedUntil: number;
}

type StateName = EngineState['name'];

function allowedAfter(event: Event, before: EngineState, model: Model, now: number): StateName[] {
  if (model.closed || event.kind === 'close') return ['closed'];
  const startOrWait = (): StateName[] => (now < model.rateLimitedUntil ? ['waiting'] : ['running']);
  switch (event.kind) {
    case 'request':
    case 'syncNow':
      if (before.name === 'running' || before.name === 'paused') return [before.name];
      return startOrWait();
    case 'pause': {
      const held = pausesOf(before);
      if (held.has(event.reason) === event.on) return [before.name];
      if (before.name === 'running') return ['running'];
      if (event.on) return ['paused'];
      return held.size > 1 ? ['paused'] : startOrWait();
    }
    case 'finish': {
      if (before.name !== 'running') return [before.name];
      const pausedNow =
        before.pauses.size > 0 || event.ending === 'signed_out' || event.ending === 'offline';
      if (pausedNow) return ['paused'];
      // The run asked for meanwhile starts at once, unless this very run was rate limited.
      const limitedUntil =
        event.ending === 'rate_limited'
          ? Math.max(model.rateLimitedUntil, now + event.waitMs)
          : model.rateLimitedUntil;
      if (before.next) return now < limitedUntil ? ['waiting'] : ['running'];
      return event.ending === 'ok' ? ['idle', 'waiting'] : ['waiting'];
    }
    case 'advance':
      // Only idle and waiting have timers: nothing else moves with time.
      if (before.name === 'idle' || before.name === 'waiting')
        return ['idle', 'waiting', 'running'];
      return [before.name];
  }
}

const timersNeeded: Record<StateName, number> = {
  idle: 1, // the idle timer
  waiting: 2, // the wait timer and the idle timer
  running: 0,
  paused: 0,
  closed: 0,
};

function checkInvariants(loop: SyncLoop, clock: ManualClock, runs: HeldRuns): void {
  const { state, status } = loop;
  expect(runs.mostOpenAtOnce).toBeLessThanOrEqual(1);
  expect(runs.open).toBe(state.name === 'running' ? 1 : state.name === 'closed' ? runs.open : 0);
  expect(clock.pending()).toBe(timersNeeded[state.name]);
  switch (state.name) {
    case 'idle':
      expect(status).toMatchObject({ phase: 'idle', pauseReason: null, nextAttemptAt: null });
      break;
    case 'running':
      expect(['pulling', 'pushing', 'hydrating']).toContain(status.phase);
      expect(status).toMatchObject({ pauseReason: null, nextAttemptAt: null, waitReason: null });
      break;
    case 'waiting':
      expect(status).toMatchObject({
        phase: 'waiting',
        nextAttemptAt: state.until,
        pauseReason: null,
      });
      expect(status.waitReason).toBe(state.why);
      break;
    case 'paused': {
      expect(state.reasons.size).toBeGreaterThan(0);
      const first = reasons.find((reason) => state.reasons.has(reason));
      expect(status).toMatchObject({ phase: 'paused', pauseReason: first, nextAttemptAt: null });
      break;
    }
    case 'closed':
      expect(status.phase).toBe('closed');
      break;
  }
}

describe('the sync loop against its model', () => {
  it('never runs twice at once, arms only what its state needs, and closed is final', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...reasons]),
        fc.array(events, { minLength: 1, maxLength: 40 }),
        async (pausedFor, steps) => {
          const clock = createManualClock(Date.UTC(2026, 0, 5, 9, 0));
          const runs = new HeldRuns();
          const loop = new SyncLoop({
            connectionId: 'conn-1',
            clock,
            timing: testTiming,
            random: () => 0.5,
            work: runs,
            pausedFor,
          });
          const model: Model = { closed: false, rateLimitedUntil: 0 };
          let startedWhenClosed = 0;
          checkInvariants(loop, clock, runs);
          for (const event of steps) {
            const before = loop.state;
            const allowed = allowedAfter(event, before, model, clock.now());
            switch (event.kind) {
              case 'request':
                loop.requestRun(event.run);
                break;
              case 'syncNow':
                loop.syncNow();
                break;
              case 'finish': {
                const until = clock.now() + event.waitMs;
                if (runs.finish(reportOf(event.ending, until)) && event.ending === 'rate_limited') {
                  model.rateLimitedUntil = Math.max(model.rateLimitedUntil, until);
                }
                break;
              }
              case 'pause':
                loop.setPaused(event.reason, event.on);
                break;
              case 'advance':
                clock.advance(event.ms);
                break;
              case 'close':
                loop.close();
                if (!model.closed) startedWhenClosed = runs.started;
                model.closed = true;
                break;
            }
            await flush();
            expect(allowed, `after ${JSON.stringify(event)} from ${before.name}`).toContain(
              loop.state.name,
            );
            checkInvariants(loop, clock, runs);
            if (model.closed) expect(runs.started).toBe(startedWhenClosed);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
