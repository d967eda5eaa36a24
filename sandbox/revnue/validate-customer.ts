// A Revnue create/update body: the shared zod schema (every seed rule), then the rules only a
// server can check — ids that must exist in this account and the per-account unique name.
import {
  revnueCustomerBodySchemaFor,
  type RevnueCustomerBody,
} from '../../src-shared/api/revnue-v2';
import { addFieldError, drfErrorsFromZod, type DrfErrors } from './drf-errors';
import type { RevnueState } from './revnue-state';

export type Validated = { ok: true; body: RevnueCustomerBody } | { ok: false; errors: DrfErrors };

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
  const parsed = revnueCustomerBodySchemaFor(state.lookups.templates).safeParse(input);
  if (!parsed.success) return { ok: false, errors: drfErrorsFromZod(parsed.error) };
  const body = parsed.data;
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
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}
