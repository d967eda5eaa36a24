// The two connectors as data for the generic sync core: their shapes, their conflict resolution
// against their own schemas, and the exact request bodies each API expects.
export { r2AuditFields, r2ContactShape, r2EmptyAddress, r2Shape } from '../../connectors/r2/shape';
export { revnueShape } from '../../connectors/revnue-v2/shape';
export { resolveR2 } from '../../connectors/r2/resolve';
export { resolveRevnue } from '../../connectors/revnue-v2/resolve';
export { r2CreateBody, r2UpdateRequest, type R2UpdateRequest } from '../../connectors/r2/wire';
export { revnueCreateBody, revnueUpdateBody } from '../../connectors/revnue-v2/wire';
