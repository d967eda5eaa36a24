// The connector descriptors (docs/architecture.md#the-two-connectors): one object per customer API
// holding everything that differs between Revnue v2 and R2. `descriptorFor(kind)` is the one place
// a kind picks its descriptor.
import type { R2CustomerRecord } from '../api/r2';
import type { RevnueCustomerRecord } from '../api/revnue-v2';
import type { ConnectorKind } from '../connection';
import type { ConnectorDescriptor } from './descriptor';
import { r2Descriptor } from './r2';
import { revnueDescriptor } from './revnue-v2';

export type * from './descriptor';
export { r2Descriptor } from './r2';
export { revnueDescriptor } from './revnue-v2';
export { renameChangePaths } from './rename-change-paths';
export { revnueLookup, revnueLookupSchemas, type RevnueLookups } from './revnue-lookups';
export {
  editorFor,
  labelsFor,
  type EditorBuilder,
  type ItemAt,
  type KeyOf,
  type ListPathOf,
  type PathOf,
} from './field-paths';

/** The record type of each connector kind. */
export interface RecordOfKind {
  'revnue-v2': RevnueCustomerRecord;
  r2: R2CustomerRecord;
}

const descriptors: { readonly [K in ConnectorKind]: ConnectorDescriptor<RecordOfKind[K]> } = {
  'revnue-v2': revnueDescriptor,
  r2: r2Descriptor,
};

/**
 * Every descriptor, for code that handles any connector (settings, tests). Typed as <unknown> on
 * purpose: it proves each descriptor can stand in where the record type is not known.
 */
export const allDescriptors: readonly ConnectorDescriptor<unknown>[] = [
  revnueDescriptor,
  r2Descriptor,
];

export function descriptorFor<K extends ConnectorKind>(
  kind: K,
): ConnectorDescriptor<RecordOfKind[K]> {
  return descriptors[kind];
}
