// Generated Revnue records and edits whose ids all exist in one account's lookups (company,
// category, country, custom field template and its typed fields), so the server accepts them.
// The company never changes in an edit and a template is kept, added or dropped, never swapped:
// those would be cross-field rules of the editor, not of the wire.
import fc from 'fast-check';
import type {
  RevnueCategory,
  RevnueCountry,
  RevnueCustomerRecord,
  RevnueCustomFieldTemplate,
  RevnueTemplateField,
} from '../../../src-shared/connectors/revnue-v2/api';
import { revnueContactTypes } from '../../../src-shared/connectors/revnue-v2/api';
import {
  editFields,
  editListField,
  email,
  isoDate,
  pooled,
  trimmedText,
  type FieldArbitraries,
} from '../../../src-shared/sync/test-support/arbitraries';

/** Each company with its own categories and templates, as the lookup endpoints list them. */
export interface RevnueCompanyLookups {
  id: number;
  categories: readonly RevnueCategory[];
  templates: readonly RevnueCustomFieldTemplate[];
}

export interface RevnueAccountLookups {
  companies: readonly RevnueCompanyLookups[];
  countries: readonly RevnueCountry[];
}

/** Every template of the account: what the body schema checks custom field values against. */
export function allTemplates(lookups: RevnueAccountLookups): RevnueCustomFieldTemplate[] {
  return lookups.companies.flatMap((company) => company.templates);
}

type Template = NonNullable<RevnueCustomerRecord['template']>;
type CustomField = Template['fields'][number];

const text = (max: number) => pooled(['', 'Main St 1', 'Sales'], trimmedText(max));

const textFields: FieldArbitraries = {
  address_line_1: text(50),
  address_line_2: text(50),
  city: pooled(['Berlin', 'Hamburg', ''], trimmedText(50)),
  state_province: text(50),
  zip_postal_code: pooled(['10115', ''], trimmedText(20)),
  phone: pooled(['+49 30 1234567', ''], trimmedText(20)),
  mobile: text(20),
  fax: text(20),
  website: pooled(['https://acme.de', ''], trimmedText(50)),
  general_description: text(200),
  supplementary_description: text(200),
  additional_description: text(200),
};

/**
 * Values as the server stores them: money as a 2-decimal string, numbers as integers. Never
 * empty: a record keeps only custom fields with a value (clearing one removes it).
 */
function customValue(field: RevnueTemplateField): fc.Arbitrary<CustomField['value']> {
  return field.type === 'money'
    ? fc
        .tuple(fc.nat(999_999_999), fc.nat(99))
        .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`)
    : field.type === 'number'
      ? fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 })
      : field.type === 'date'
        ? isoDate
        : pooled(['Gold', 'Silver'], trimmedText(50, 1));
}

function newFields(definition: RevnueCustomFieldTemplate, existing: readonly CustomField[]) {
  const free = definition.fields.filter((field) => !existing.some((f) => f.id === field.id));
  return fc
    .subarray(free, { maxLength: Math.min(2, free.length) })
    .chain((fields) =>
      fc.tuple(
        ...fields.map((field) => customValue(field).map((value) => ({ id: field.id, value }))),
      ),
    );
}

function templateFor(definition: RevnueCustomFieldTemplate): fc.Arbitrary<Template> {
  return newFields(definition, []).map((fields) => ({ id: definition.id, fields }));
}

function contactPerson() {
  return fc.record({
    name: pooled(['Jane Doe', 'Max Mustermann'], trimmedText(50, 1)),
    email: pooled(['jane@acme.de'], email),
    type: fc.option(fc.constantFrom(...revnueContactTypes), { nil: undefined }),
  });
}

function scalarFields(lookups: RevnueAccountLookups, company: number): FieldArbitraries {
  const categories = companyOf(lookups, company).categories.map((category) => category.id);
  const countries = lookups.countries.map((country) => country.id);
  return {
    name: pooled(['ACME GmbH', 'Globex'], trimmedText(40, 1)),
    category: fc.option(fc.constantFrom(...categories), { nil: null }),
    country: fc.option(fc.constantFrom(...countries), { nil: null }),
    nda_signed: fc.boolean(),
    nda_signed_date: fc.option(isoDate, { nil: null }),
    msa_signed: fc.boolean(),
    msa_signed_date: fc.option(isoDate, { nil: null }),
    ...textFields,
  };
}

function companyOf(lookups: RevnueAccountLookups, id: number): RevnueCompanyLookups {
  const company = lookups.companies.find((candidate) => candidate.id === id);
  if (!company) throw new Error(`Company ${id} is not in the lookups`);
  return company;
}

function templatesOf(lookups: RevnueAccountLookups, company: number) {
  return companyOf(lookups, company).templates;
}

/** A new customer of one of the account's companies (no id: the server gives it one). */
export function revnueRecordFor(lookups: RevnueAccountLookups): fc.Arbitrary<RevnueCustomerRecord> {
  const ids = lookups.companies.map((company) => company.id);
  return fc.constantFrom(...ids).chain((company) => {
    const templates = templatesOf(lookups, company);
    return fc
      .record({
        ...scalarFields(lookups, company),
        contact_person: fc.option(contactPerson(), { nil: null }),
        template: templates.length
          ? fc.option(fc.constantFrom(...templates).chain(templateFor), { nil: null })
          : fc.constant(null),
      })
      .map((record) => ({ ...record, company }) as RevnueCustomerRecord); // keys from the arbitraries
  });
}

/** Someone's edit of `base`, within the account's lookups. */
export function revnueEditFor(
  lookups: RevnueAccountLookups,
  base: RevnueCustomerRecord,
): fc.Arbitrary<RevnueCustomerRecord> {
  const templates = templatesOf(lookups, base.company);
  const person = base.contact_person;
  const editedPerson = person
    ? fc.oneof(
        { weight: 5, arbitrary: fc.constant(person) },
        { weight: 2, arbitrary: editFields(person, { name: trimmedText(50, 1), email }, 1) },
        { weight: 1, arbitrary: fc.option(contactPerson(), { nil: null }) },
      )
    : fc.option(contactPerson(), { nil: null, freq: 5 });
  return fc
    .tuple(
      editFields(base, scalarFields(lookups, base.company), 8),
      editedPerson,
      editTemplate(base.template, templates),
    )
    .map(([edited, contact_person, template]) => ({ ...edited, contact_person, template }));
}

function editTemplate(
  base: Template | null,
  templates: readonly RevnueCustomFieldTemplate[],
): fc.Arbitrary<Template | null> {
  const definition = templates.find((template) => template.id === base?.id);
  if (!base || !definition) {
    if (templates.length === 0) return fc.constant(null);
    return fc.option(fc.constantFrom(...templates).chain(templateFor), { nil: null, freq: 6 });
  }
  const fields = editListField(base.fields, {
    editItem: (field) => {
      const type = definition.fields.find((candidate) => candidate.id === field.id);
      return type
        ? customValue(type).map((value) => ({ id: field.id, value }))
        : fc.constant(field);
    },
    added: (existing) => newFields(definition, existing),
  });
  return fc.oneof(
    { weight: 8, arbitrary: fields.map((list) => ({ id: base.id, fields: list ?? [] })) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}
