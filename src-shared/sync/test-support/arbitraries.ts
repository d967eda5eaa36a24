// Arbitraries for property tests of anything that handles customer records of either connector:
// valid records, each side's edits, three-way scenarios and chains of queued local edits.
import fc from 'fast-check';
import type { R2CustomerRecord } from '../../connectors/r2/api';
import type { RevnueCustomerRecord } from '../../connectors/revnue-v2/api';
import { r2Shape } from '../../connectors/r2/shape';
import { revnueShape } from '../../connectors/revnue-v2/shape';
import type { Shape } from '../shape';
import { r2Edit, r2Record } from './r2-arbitraries';
import { revnueEdit, revnueRecord } from './revnue-arbitraries';

export { r2Record, r2Edit } from './r2-arbitraries';
export { revnueRecord, revnueEdit } from './revnue-arbitraries';
export * from './edit-arbitraries';
export { propertyParams } from './fc-params';

/** Both connectors, for `describe.each`. */
export function bothConnectors(): ConnectorArbitraries<unknown>[] {
  return [r2Arbitraries, revnueArbitraries];
}

/** One connector's records and edits, so each property is written once and run for both. */
export interface ConnectorArbitraries<T> {
  readonly name: 'r2' | 'revnue-v2';
  readonly shape: Shape;
  readonly record: fc.Arbitrary<T>;
  /** A local (salesperson's) edit: never changes read-only fields. */
  // Method syntax on purpose: it lets a ConnectorArbitraries<R2…> stand in for <unknown> in
  // suites written once for both connectors.
  mine(base: T): fc.Arbitrary<T>;
  /** A server-side edit by a colleague: may change anything, audit fields included. */
  theirs(base: T): fc.Arbitrary<T>;
}

export const r2Arbitraries: ConnectorArbitraries<R2CustomerRecord> = {
  name: 'r2',
  shape: r2Shape,
  record: r2Record,
  mine: (base) => r2Edit(base, 'mine'),
  theirs: (base) => r2Edit(base, 'theirs'),
};

export const revnueArbitraries: ConnectorArbitraries<RevnueCustomerRecord> = {
  name: 'revnue-v2',
  shape: revnueShape,
  record: revnueRecord,
  mine: revnueEdit,
  theirs: revnueEdit,
};

export interface ThreeWay<T> {
  readonly base: T;
  readonly mine: T;
  readonly theirs: T;
}

export function threeWay<T>(connector: ConnectorArbitraries<T>): fc.Arbitrary<ThreeWay<T>> {
  return connector.record.chain((base) =>
    fc.record({
      base: fc.constant(base),
      mine: connector.mine(base),
      theirs: connector.theirs(base),
    }),
  );
}

/** A server record and 1–`maxEdits` successive local edits of it (each state the previous one edited). */
export function editChain<T>(connector: ConnectorArbitraries<T>, maxEdits = 3): fc.Arbitrary<T[]> {
  const extend = (states: T[], left: number): fc.Arbitrary<T[]> => {
    const last = states.at(-1) as T; // states always starts with the base record
    if (left === 0) return fc.constant(states);
    return connector.mine(last).chain((next) => extend([...states, next], left - 1));
  };
  return fc
    .tuple(connector.record, fc.integer({ min: 1, max: maxEdits }))
    .chain(([base, edits]) => extend([base], edits));
}
