// Every connector Fieldbook speaks, in one list (docs/architecture.md#adding-a-connector): adding
// an API is adding its folder and its line here. The kinds, the connection schema, the IPC
// contract and the descriptors all derive from this list; the conformance suite
// (connector-conformance.test.ts) runs the same checks against each entry.
import { r2Connector } from './r2';
import { revnueV2Connector } from './revnue-v2';

export const registeredConnectors = [revnueV2Connector, r2Connector] as const;

type Registered = typeof registeredConnectors;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
// Generic on purpose: a mapped type keeps a tuple a tuple only over a type parameter.
type KindsOf<T extends readonly { kind: string }[]> = { -readonly [I in keyof T]: T[I]['kind'] };
type ConnectionsOf<T extends readonly { connection: unknown }[]> = {
  -readonly [I in keyof T]: T[I]['connection'];
};

export const connectorKinds = registeredConnectors.map((c) => c.kind) as KindsOf<Registered>;

/** Each kind's new-connection schema, as the tuple `z.discriminatedUnion` needs. */
export const connectorConnectionSchemas = registeredConnectors.map(
  (c) => c.connection,
) as unknown as ConnectionsOf<Registered>;

/** Every connector's IPC operations, spread into the contract. */
export const connectorContracts = Object.assign(
  {},
  ...registeredConnectors.map((c) => c.contract),
) as Intersection<Registered[number]['contract']>;
