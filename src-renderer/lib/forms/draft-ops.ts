// The form engine's pure steps on a draft: "changed?" in the descriptor's canonical form, edits
// carried over onto a newer stored version, "Same as address" copies, and which messages show.
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../src-shared/connectors/descriptor';
import { applyChanges } from '../../../src-shared/sync/apply';
import { diff } from '../../../src-shared/sync/diff';
import { isPrefixOrEqual, type FieldPath } from '../../../src-shared/sync/field-path';
import { cloneValue, deepEqual } from '../../../src-shared/sync/values';
import { getIn, setIn, type Loc } from './draft-path';

export type FieldMessages = Readonly<Record<FieldPath, readonly string[]>>;

/** Unsaved changes: the draft and the saved record differ once both are in canonical form. */
export function isDirty<T>(
  descriptor: ConnectorDescriptor<T>,
  lookups: ConnectorLookups,
  draft: T,
  saved: T,
): boolean {
  return !deepEqual(
    descriptor.normalizeDraft(draft, lookups),
    descriptor.normalizeDraft(saved, lookups),
  );
}

/**
 * The store has a newer version of the record (a full R2 record arrived, a sync finished) while
 * the salesperson edits: the new version with their edits applied on top, so nothing typed is lost.
 */
export function rebaseDraft<T>(
  descriptor: ConnectorDescriptor<T>,
  oldSaved: T,
  draft: T,
  newSaved: T,
): T {
  const edits = diff(descriptor.shape, oldSaved, draft);
  return applyChanges(newSaved, edits);
}

/** A block kept equal to another ("Same as address"): copies `from` onto `to` when they differ. */
export interface SameAsPair {
  readonly from: Loc;
  readonly to: Loc;
}

export function applySameAs<T>(record: T, pairs: readonly SameAsPair[]): T {
  let result = record;
  for (const { from, to } of pairs) {
    const source = getIn(result, from);
    if (!deepEqual(source, getIn(result, to))) {
      result = setIn(result, to, source === undefined ? undefined : cloneValue(source));
    }
  }
  return result;
}

/** Drops every message at `path` or inside it: the salesperson has edited that field. */
export function withoutMessagesAt(messages: FieldMessages, path: FieldPath): FieldMessages {
  const kept: Record<FieldPath, readonly string[]> = {};
  for (const [key, list] of Object.entries(messages)) {
    if (!isPrefixOrEqual(path, key)) kept[key] = list;
  }
  return kept;
}

/**
 * What the form shows: the server's messages and the offline uniqueness check always, the
 * schema's (or the input's own, e.g. "enter a date like 30/06/2025") once the field was edited or
 * a save was tried. One list per path, no message twice.
 */
export function visibleMessages(parts: {
  schema: FieldMessages;
  input: FieldMessages;
  unique: FieldMessages;
  server: FieldMessages;
  shown: (path: FieldPath) => boolean;
}): Record<FieldPath, string[]> {
  const out: Record<FieldPath, string[]> = {};
  const add = (path: FieldPath, list: readonly string[]) => {
    const target = (out[path] ??= []);
    for (const message of list) if (!target.includes(message)) target.push(message);
  };
  for (const [path, list] of Object.entries(parts.server)) add(path, list);
  for (const [path, list] of Object.entries(parts.unique)) add(path, list);
  for (const [path, list] of Object.entries(parts.input)) if (parts.shown(path)) add(path, list);
  for (const [path, list] of Object.entries(parts.schema)) {
    // An input's own message replaces the schema's for the same value (e.g. a date in ISO words).
    if (parts.shown(path) && !(path in parts.input)) add(path, list);
  }
  for (const path of Object.keys(out)) if (out[path]!.length === 0) delete out[path];
  return out;
}
