// Edits queued while a create was in flight name the new record's items by their client identity
// (`contacts[localKey=local-1]`); once the server has given them ids they must name those instead.
// (Written here until src-shared/connectors provides the shared `renameChangePaths`.)
import type { PathRename, RenameChanges } from '../../../src-shared/connectors/descriptor';
import { applyChanges, getAt } from '../../../src-shared/sync/apply';
import type { Change } from '../../../src-shared/sync/diff';
import {
  isPrefixOrEqual,
  isStrictPrefix,
  relativePath,
  segmentsOf,
} from '../../../src-shared/sync/field-path';
import { isPlainObject } from '../../../src-shared/sync/values';

/**
 * Every change at or under a renamed item moves to the item's new path. A change that carries the
 * item whole (the contact as added, or a list that contains it) also gets the new identity key
 * inside its value, so applying it still produces an item its new path selects.
 */
export const renameChangePaths: RenameChanges = (changes, renames) =>
  changes.map((change) => renames.reduce(renameOne, change));

function renameOne(change: Change, rename: PathRename): Change {
  if (rename.from === '' || rename.from === rename.to) return change;
  if (isPrefixOrEqual(rename.from, change.path)) {
    const path = rename.to + change.path.slice(rename.from.length);
    const value = path === rename.to ? withIdentity(change.value, rename.to) : change.value;
    return { path, value };
  }
  if (isStrictPrefix(change.path, rename.from)) {
    const inner = relativePath(change.path, rename.from);
    const item = getAt(change.value, inner);
    if (item === undefined) return change;
    const value = applyChanges(change.value, [
      { path: inner, value: withIdentity(item, rename.to) },
    ]);
    return { path: change.path, value };
  }
  return change;
}

/** `item` carrying the identity the last segment of `path` selects by. */
function withIdentity(item: unknown, path: string): unknown {
  const last = segmentsOf(path).at(-1);
  if (!isPlainObject(item) || last === undefined || typeof last === 'string') return item;
  return { ...item, [last.key]: last.id };
}
