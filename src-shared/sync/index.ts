// The pure decisions of Fieldbook's sync (docs/sync.md): diff, coalescing of queued edits,
// three-way merge, conflict resolution and the exact request bodies — generic over a per-connector
// shape.
export {
  ROOT_PATH,
  childPath,
  isPrefixOrEqual,
  parsePath,
  pathFromSegments,
  type FieldPath,
  type ItemSelector,
  type PathSegment,
} from './field-path';
export { formatPath } from './format-path';
export {
  listShape,
  objectShape,
  shapeAt,
  valueShape,
  type ListShape,
  type ObjectShape,
  type Shape,
  type ValueShape,
} from './shape';
export { changedPaths, diff, type Change } from './diff';
export { applyChanges, getAt } from './apply';
export { merge, type Conflict, type MergeResult } from './merge';
export {
  applyEntry,
  localStateOf,
  rebaseEntry,
  type CreateEntry,
  type OutboxEntry,
  type OutboxState,
  type UpdateEntry,
} from './outbox-entry';
export { coalescePair, coalesceQueue, composeChanges } from './coalesce';
export { resolve, type Choice, type Choices } from './resolve';
export { validateWith, type FieldErrors, type RecordSchema, type Validated } from './validate';
export {
  r2AuditFields,
  r2ContactShape,
  r2CreateBody,
  r2Shape,
  r2UpdateRequest,
  resolveR2,
  resolveRevnue,
  revnueCreateBody,
  revnueShape,
  revnueUpdateBody,
  type R2UpdateRequest,
} from './connectors';
