// Explicit mapping between the wire shapes and the local record
// (docs/architecture.md#revnue-api-v2: the response differs from the request). Invariant, tested:
// record → response → record is the identity for every record the record schema produces.
import { normalizeCustomerName } from '../../../api/names';
import type { RevnueCustomerRecord } from './body';
import { checkCustomFieldValue } from './custom-field-values';
import type { RevnueCategory, RevnueCountry, RevnueCustomFieldTemplate } from './lookups';
import type { RevnueCustomerResponse } from './response';
import { isEmptyValue } from './template';

/** The server sent something the lookups cannot explain (e.g. a country the list lacks). */
export class RevnueMappingError extends Error {
  override name = 'RevnueMappingError';
}

const textKeys = [
  'address_line_1',
  'address_line_2',
  'city',
  'state_province',
  'zip_postal_code',
  'phone',
  'mobile',
  'fax',
  'website',
  'general_description',
  'supplementary_description',
  'additional_description',
] as const;

const digits = /^\d+$/;

/** Country name (case-insensitive), a string of digits or a number → numeric ISO 3166 code. */
export function revnueCountryCode(
  country: string | number | null | undefined,
  countries: readonly RevnueCountry[],
): number | null {
  if (country === null || country === undefined) return null;
  if (typeof country === 'number') return country;
  const text = country.trim();
  if (text === '') return null;
  if (digits.test(text)) return Number(text);
  const wanted = text.toLowerCase();
  const match = countries.find((candidate) => candidate.name.trim().toLowerCase() === wanted);
  if (!match) {
    throw new RevnueMappingError(
      `The server named a country the app does not know (“${text}”). Refresh the lists and sync again.`,
    );
  }
  return match.id;
}

function contactFromResponse(
  contact: RevnueCustomerResponse['contact_person'],
): RevnueCustomerRecord['contact_person'] {
  if (!contact) return null;
  const name = contact.name?.trim() ?? '';
  const email = contact.email?.trim() ?? '';
  const type = contact.type ? contact.type : undefined;
  if (name === '' && email === '' && !type) return null;
  return { name, email, type };
}

/**
 * The server's value in the record's spelling for its field type — the same normalization the body
 * schema applies to the salesperson's input — so that money the server answers as 1200 equals the
 * local "1200.00" and is no phantom change. A value the type rules refuse, or a field the template
 * does not know, stays as sent: server data is not the salesperson's to fix.
 */
function normalizedValue(
  value: string | number | null,
  field: { type: RevnueCustomFieldTemplate['fields'][number]['type']; name: string } | undefined,
) {
  if (!field) return value;
  const check = checkCustomFieldValue(field.type, field.name, value);
  return check.ok ? check.value : value;
}

function templateFromResponse(
  template: RevnueCustomerResponse['template'],
  templates: readonly RevnueCustomFieldTemplate[] | undefined,
): RevnueCustomerRecord['template'] {
  if (!template) return null;
  const definition = templates?.find((candidate) => candidate.id === template.id);
  const fields = Object.entries(template.fields).map(([key, value]) => {
    if (!digits.test(key)) {
      throw new RevnueMappingError(`The server sent a custom field with an invalid id (“${key}”).`);
    }
    const id = Number(key);
    const field = definition?.fields.find((candidate) => candidate.id === id);
    return { id, value: normalizedValue(value, field) };
  });
  // An empty value is no value: the record keeps only fields that have one (see template.ts).
  fields.sort((a, b) => a.id - b.id);
  return { id: template.id, fields: fields.filter((field) => !isEmptyValue(field.value)) };
}

export interface RevnueResponseLookups {
  countries: readonly RevnueCountry[];
  /** Used when the response has no `company` (the seed's response does not show one). */
  company?: number;
  /** When given, custom field values are normalized by their field's type (see normalizedValue). */
  templates?: readonly RevnueCustomFieldTemplate[];
}

/** Response → local record. Throws `RevnueMappingError` for values the lookups cannot map. */
export function revnueRecordFromResponse(
  response: RevnueCustomerResponse,
  lookups: RevnueResponseLookups,
): RevnueCustomerRecord {
  // fromEntries loses the key types; the keys are exactly textKeys.
  const texts = Object.fromEntries(textKeys.map((key) => [key, response[key] ?? ''])) as Record<
    (typeof textKeys)[number],
    string
  >;
  return {
    id: response.id,
    company: response.company ?? lookups.company ?? 1,
    name: response.name,
    category: response.category?.id ?? null,
    contact_person: contactFromResponse(response.contact_person),
    country: revnueCountryCode(response.country, lookups.countries),
    nda_signed: response.nda_signed ?? false,
    nda_signed_date: response.nda_signed_date || null,
    msa_signed: response.msa_signed ?? false,
    msa_signed_date: response.msa_signed_date || null,
    template: templateFromResponse(response.template, lookups.templates),
    ...texts,
  };
}

export interface RevnueRecordLookups {
  categories: readonly RevnueCategory[];
  countries: readonly RevnueCountry[];
}

/** Record → response, as the server answers (used by the sandbox). The record must have an id. */
export function revnueResponseFromRecord(
  record: RevnueCustomerRecord,
  lookups: RevnueRecordLookups,
): RevnueCustomerResponse {
  if (record.id === undefined) {
    throw new RevnueMappingError('A customer needs its server id before it can be answered.');
  }
  const { id, category, country, contact_person, template, ...rest } = record;
  const categoryName = lookups.categories.find((candidate) => candidate.id === category)?.name;
  const countryName = lookups.countries.find((candidate) => candidate.id === country)?.name;
  return {
    ...rest,
    id,
    category: category === null ? null : { id: category, name: categoryName ?? '' },
    country: country === null ? null : (countryName ?? String(country)),
    contact_person: contact_person
      ? {
          name: contact_person.name,
          email: contact_person.email,
          type: contact_person.type ?? null,
        }
      : null,
    template: template
      ? {
          id: template.id,
          fields: Object.fromEntries(
            template.fields.map((field) => [String(field.id), field.value]),
          ),
        }
      : null,
  };
}

/**
 * The customer name as the uniqueness rule ("unique per account") sees it: case- and
 * whitespace-insensitive (see `normalizeCustomerName`). The sandbox enforces uniqueness with this.
 */
export function revnueNaturalKey(record: { name: string }): string {
  return normalizeCustomerName(record.name);
}
