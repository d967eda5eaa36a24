// Unibiz R2 connector schemas (docs/architecture.md#unibiz-r2): enums, date-times, the by-ID,
// write, patch and list-row shapes, the local record, and the mappings between them.
export * from './enums';
export {
  r2DateTimeSchema,
  isoLocalDateTimeSchema,
  isR2DateTime,
  isIsoLocalDateTime,
  r2DateTimeToIso,
  isoToR2DateTime,
  R2DateError,
} from './dates';
export {
  r2AddressSchema,
  r2AddressKeys,
  r2AddressBlocks,
  r2UdfSchema,
  r2UdfListSchema,
  type R2Address,
  type R2Udf,
} from './address';
export {
  r2ContactSchema,
  r2ContactWriteSchema,
  r2EmailSchema,
  r2AuditKeys,
  r2ContactTextKeys,
  type R2Contact,
  type R2ContactWrite,
} from './contact';
export {
  r2CustomerSchema,
  r2CustomerWriteSchema,
  r2CustomerPatchSchema,
  r2CustomerTextKeys,
  r2AmountKeys,
  r2FlagKeys,
  type R2Customer,
  type R2CustomerWrite,
  type R2CustomerPatch,
} from './customer';
export { r2ListRowSchema, r2ListSchema, r2ListPageSchema, type R2ListRow } from './list-row';
export {
  r2RecordSchema,
  r2ContactRecordSchema,
  type R2CustomerRecord,
  type R2ContactRecord,
} from './record';
export { r2RecordFromWire, r2WriteFromRecord, withoutEmptyMembers } from './mapping';
export { withContactIdentities, newContactKey } from './contact-identity';
export {
  r2CustomerSummariesFromRows,
  r2ListRowsFromSummary,
  r2CustomerSummaryFromRecord,
  type R2CustomerSummary,
  type R2ContactSummary,
} from './summaries';
export { r2RecordFromSummary, r2SummaryContactKeys, r2SummaryCustomerKeys } from './summary-record';
export { r2NaturalKey, r2MatchesNaturalKey, type R2NaturalKey } from './natural-key';
