// Revnue API v2 connector schemas (docs/architecture.md#revnue-api-v2): request/response shapes,
// lookups, the local record, editor form values, and the mappings between them.
export {
  revnueContactTypes,
  revnueContactTypeSchema,
  revnueContactPersonSchema,
  revnueWireContactPersonSchema,
  type RevnueContactType,
  type RevnueContactPerson,
} from './contact-person';
export {
  revnueTemplateFieldTypes,
  revnueTemplateFieldTypeSchema,
  revnueCompanySchema,
  revnueCategorySchema,
  revnueCountrySchema,
  revnueTemplateFieldSchema,
  revnueCustomFieldTemplateSchema,
  type RevnueTemplateFieldType,
  type RevnueCompany,
  type RevnueCategory,
  type RevnueCountry,
  type RevnueTemplateField,
  type RevnueCustomFieldTemplate,
} from './lookups';
export {
  checkCustomFieldValue,
  revnueMoneyMax,
  revnueNumberMax,
  revnueNumberMin,
  revnueCustomTextMax,
  type RevnueCustomFieldValue,
} from './custom-field-values';
export {
  revnueRecordSchema,
  revnueRecordSchemaFor,
  revnueTextKeys,
  type RevnueCustomerRecord,
  type RevnueCustomerRecordInput,
  type RevnueTextKey,
} from './body';
export {
  revnueCustomerBodySchema,
  revnueCustomerBodySchemaFor,
  type RevnueCustomerBody,
  type RevnueCustomerBodyInput,
} from './wire-body';
export { revnueCreateBodyFromRecord, revnuePutBodyFromRecord } from './body-from-record';
export {
  revnueCustomerResponseSchema,
  revnueCustomerListSchema,
  type RevnueCustomerResponse,
} from './response';
export {
  RevnueMappingError,
  revnueCountryCode,
  revnueRecordFromResponse,
  revnueResponseFromRecord,
  revnueNaturalKey,
  type RevnueResponseLookups,
  type RevnueRecordLookups,
} from './mapping';
export {
  revnueFormFromRecord,
  revnueEmptyForm,
  revnueRecordFromForm,
  type RevnueCustomerForm,
} from './form';
