import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { coalesceQueue } from './coalesce';
import { diff } from './diff';
import { isStrictPrefix } from './field-path';
import { applyEntry, type OutboxEntry, type OutboxState } from './outbox-entry';
import { bothConnectors, editChain, propertyParams } from './test-support/arbitraries';
import { canonical } from './test-support/canonical';

function run<T>(start: T | undefined, entries: readonly OutboxEntry<T>[]): T | undefined {
  return entries.reduce<T | undefined>((state, entry) => applyEntry(state, entry), start);
}

/** One update entry per edit of the chain, each holding the paths that edit changed. */
function updates<T>(
  shapeStates: { shape: Parameters<typeof diff>[0]; states: T[] },
  states: readonly OutboxState[],
) {
  const { shape } = shapeStates;
  const [base, ...rest] = shapeStates.states;
  return rest.map((state, index): OutboxEntry<T> => ({
    opId: `op-${index}`,
    recordKey: 'customer-1',
    kind: 'update',
    base: base as T,
    changed: diff(shape, shapeStates.states[index], state),
    state: states[index] ?? 'pending',
    attempts: 0,
    lastError: null,
  }));
}

describe.each(bothConnectors())('coalescing queued $name edits (property)', (connector) => {
  const { shape } = connector;

  test('update + update → one update with the oldest base that applies like the sequence', () => {
    fc.assert(
      fc.property(editChain(connector), connector.record, (states, elsewhere) => {
        const entries = updates({ shape, states }, []);
        const coalesced = coalesceQueue(entries);
        expect(coalesced).toHaveLength(1);
        expect(coalesced[0]?.base).toBe(states[0]);
        expect(coalesced[0]?.opId).toBe('op-0');
        // The union of the changed paths, one change per place (a later whole-contact or
        // whole-block change absorbs edits inside it).
        const union = new Set(
          entries.flatMap((entry) =>
            (entry.kind === 'update' ? entry.changed : []).map((c) => c.path),
          ),
        );
        const outermost = [...union].filter((p) => ![...union].some((q) => isStrictPrefix(q, p)));
        const changed = coalesced[0]?.kind === 'update' ? coalesced[0].changed : [];
        expect(changed.map((c) => c.path).sort()).toEqual(outermost.sort());
        // On the state the edits were made on, and on any other state (e.g. the server's):
        for (const start of [states[0], elsewhere]) {
          expect(canonical(shape, run(start, coalesced))).toEqual(
            canonical(shape, run(start, entries)),
          );
        }
        expect(canonical(shape, run(states[0], coalesced), true)).toEqual(
          canonical(shape, states.at(-1), true),
        );
      }),
      propertyParams(),
    );
  });

  test('create + updates → one create with the latest state', () => {
    fc.assert(
      fc.property(editChain(connector), (states) => {
        const [created, ...later] = states;
        const create: OutboxEntry<unknown> = {
          opId: 'op-create',
          recordKey: 'customer-1',
          kind: 'create',
          base: null,
          changed: created,
          state: 'pending',
          attempts: 0,
          lastError: null,
        };
        const entries = [create, ...updates({ shape, states }, []).slice(0, later.length)];
        const coalesced = coalesceQueue(entries);
        expect(coalesced).toHaveLength(1);
        expect(coalesced[0]?.kind).toBe('create');
        expect(canonical(shape, coalesced[0]?.changed)).toEqual(
          canonical(shape, run(undefined, entries)),
        );
      }),
      propertyParams(),
    );
  });

  test('in-flight entries are never merged into, and the queue still applies like the sequence', () => {
    const queueStates = fc.array(fc.constantFrom<OutboxState>('pending', 'pending', 'in_flight'), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(editChain(connector), queueStates, (states, entryStates) => {
        const entries = updates({ shape, states }, entryStates);
        const coalesced = coalesceQueue(entries);
        for (const entry of entries.filter((e) => e.state !== 'pending')) {
          expect(coalesced).toContain(entry);
        }
        const pendingRuns = entries.filter(
          (entry, index) => entry.state === 'pending' && entries[index - 1]?.state !== 'pending',
        ).length;
        expect(coalesced).toHaveLength(
          entries.length - entries.filter((e) => e.state === 'pending').length + pendingRuns,
        );
        expect(canonical(shape, run(states[0], coalesced))).toEqual(
          canonical(shape, run(states[0], entries)),
        );
      }),
      propertyParams(),
    );
  });
});
