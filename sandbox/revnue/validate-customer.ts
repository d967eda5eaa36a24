// A Revnue create/update body: the shared wire schema (every seed rule), then the rules only a
// server can check — ids that must exist in this account and the per-account unique name. The
// body is stored as the canonical record. Our PUT convention (README "Revnue wire conventions"):
// a PUT replaces the customer; a key left out means "not set" and `null` clears — both become
// the record's empty value. A POST may not carry null at all: the seed allows none.
import {
  revnueCustomerBodySchemaFor,
  revnueRecordSchemaFor,
  type RevnueCustomerBody,
  type RevnueCustomerRecord,
} from '../../src-shared/connectors/revnue-v2/api';
import { addFieldError, drfErrorsFromZod, type DrfErrors } from './drf-errors';
import type { RevnueState } from './revnue-state';

export type Validated =
  { ok: true; record: RevnueCustomerRecord } | { ok: false; errors: DrfErrors };

/** DRF's words for a null where the serializer field has `allow_null=False`. */
const notNull = 'This field may not be null.';

export function validateCustomerBody(
  state: RevnueState,
  input: unknown,
  updatingId?: number,
): Validated {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const got = Array.isArray(input) ? 'list' : typeof input;
    return {
      ok: false,
      errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] },
    };
  }
  const { templates } = state.lookups;
  const parsed = revnueCustomerBodySchemaFor(templates).safeParse(input);
  if (!parsed.success) return { ok: false, errors: drfErrorsFromZod(parsed.error) };
  if (updatingId === undefined) {
    const nulls = nullsIn(parsed.data);
    if (Object.keys(nulls).length > 0) return { ok: false, errors: nulls };
  }
  const canonical = revnueRecordSchemaFor(templates).safeParse(parsed.data);
  if (!canonical.success) return { ok: false, errors: drfErrorsFromZod(canonical.error) };
  const record = canonical.data;
  const errors = accountErrors(state, record, updatingId);
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, record };
}

/** Every null in a body, at its path (top level, the contact's type, custom field values). */
function nullsIn(body: RevnueCustomerBody): DrfErrors {
  const errors: DrfErrors = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === null) addFieldError(errors, [key], notNull);
  }
  if (body.contact_person?.type === null) {
    addFieldError(errors, ['contact_person', 'type'], notNull);
  }
  body.template?.fields?.forEach((field, index) => {
    if (field.value === null)
      addFieldError(errors, ['template', 'fields', index, 'value'], notNull);
  });
  return errors;
}

function accountErrors(
  state: RevnueState,
  body: RevnueCustomerRecord,
  updatingId: number | undefined,
): DrfErrors {
  const { lookups } = state;
  const errors: DrfErrors = {};
  if (!lookups.companies.some((company) => company.id === body.company)) {
    addFieldError(errors, ['company'], `Company ${body.company} does not exist in this account.`);
  }
  if (body.category !== null) {
    const category = lookups.categories.find((candidate) => candidate.id === body.category);
    if (!category || category.company !== body.company) {
      addFieldError(
        errors,
        ['category'],
        `Category ${body.category} does not exist for company ${body.company}.`,
      );
    }
  }
  if (body.country !== null && !lookups.countries.some((country) => country.id === body.country)) {
    addFieldError(
      errors,
      ['country'],
      `There is no country with the numeric code ${body.country}.`,
    );
  }
  if (body.template !== null) {
    const template = lookups.templates.find((candidate) => candidate.id === body.template?.id);
    if (template && template.company !== body.company) {
      addFieldError(
        errors,
        ['template', 'id'],
        `Custom field template ${template.id} belongs to another company.`,
      );
    }
  }
  const owner = state.idForName(body.name);
  if (owner !== undefined && owner !== updatingId) {
    addFieldError(errors, ['name'], 'A customer with this name already exists.');
  }
  return errors;
}
