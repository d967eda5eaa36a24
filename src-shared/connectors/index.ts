// The connector descriptors (docs/architecture.md#the-two-connectors): one object per customer API
// holding everything that differs between Revnue v2 and R2. `descriptorFor(kind)` is the one place
// a kind picks its descriptor.
import type { ConnectorKind } from '../connection';
import type { ConnectorDescriptor } from './descriptor';
import { registeredConnectors } from './registry';

export type * from './descriptor';
export { r2Descriptor } from './r2/descriptor';
export { revnueDescriptor } from './revnue-v2/descriptor';
export { renameChangePaths } from './rename-change-paths';
export { revnueLookup, revnueLookupSchemas, type RevnueLookups } from './revnue-v2/lookups';
export {
  editorFor,
  labelsFor,
  type EditorBuilder,
  type ItemAt,
  type KeyOf,
  type ListPathOf,
  type PathOf,
} from './field-paths';

/** The record type of each connector kind, read off its descriptor. */
export type RecordOfKind = {
  [
    C in (typeof registeredConnectors)[number] as C['kind']
  ]: C['descriptor'] extends ConnectorDescriptor<infer R> ? R : never;
};

const descriptors = Object.fromEntries(registeredConnectors.map((c) => [c.kind, c.descriptor])) as {
  readonly [K in ConnectorKind]: ConnectorDescriptor<RecordOfKind[K]>;
};

/**
 * Every descriptor, for code that handles any connector (settings, tests). Typed as <unknown> on
 * purpose: it proves each descriptor can stand in where the record type is not known.
 */
export const allDescriptors: readonly ConnectorDescriptor<unknown>[] = registeredConnectors.map(
  (c) => c.descriptor,
);

export function descriptorFor<K extends ConnectorKind>(
  kind: K,
): ConnectorDescriptor<RecordOfKind[K]> {
  return descriptors[kind];
}
