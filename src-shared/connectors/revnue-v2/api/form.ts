// Editor form values ⇄ record. The form holds what inputs hold (strings, '' for empty, booleans
// for checkboxes) under the SAME keys as the body, so the body schema parses a form directly and
// every issue path (`contact_person.email`, `template.fields[2].value`) names a form field.
import type { z } from 'zod';
import type { RevnueCustomerRecord } from './body';
import { revnueRecordSchema, revnueRecordSchemaFor } from './body';
import type { RevnueContactType } from './contact-person';
import type { RevnueCustomFieldTemplate } from './lookups';

type TextKey =
  | 'name'
  | 'address_line_1'
  | 'address_line_2'
  | 'city'
  | 'state_province'
  | 'zip_postal_code'
  | 'phone'
  | 'mobile'
  | 'fax'
  | 'website'
  | 'general_description'
  | 'supplementary_description'
  | 'additional_description'
  | 'company'
  | 'category'
  | 'country'
  | 'nda_signed_date'
  | 'msa_signed_date';

export type RevnueCustomerForm = Record<TextKey, string> & {
  id?: number;
  nda_signed: boolean;
  msa_signed: boolean;
  contact_person: { name: string; email: string; type: RevnueContactType | '' };
  template: { id: string; fields: { id: number; value: string }[] };
};

const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

export function revnueFormFromRecord(record: RevnueCustomerRecord): RevnueCustomerForm {
  const form: RevnueCustomerForm = {
    ...record,
    company: text(record.company),
    category: text(record.category),
    country: text(record.country),
    nda_signed_date: text(record.nda_signed_date),
    msa_signed_date: text(record.msa_signed_date),
    contact_person: {
      name: record.contact_person?.name ?? '',
      email: record.contact_person?.email ?? '',
      type: record.contact_person?.type ?? '',
    },
    template: {
      id: text(record.template?.id),
      fields: (record.template?.fields ?? []).map((field) => ({
        id: field.id,
        value: text(field.value),
      })),
    },
  };
  if (record.id === undefined) delete form.id;
  return form;
}

/** A blank form for a new customer of `company` (1 for single-company accounts). */
export function revnueEmptyForm(company = 1): RevnueCustomerForm {
  const blank = revnueRecordSchema.parse({ company, name: 'placeholder' });
  return { ...revnueFormFromRecord(blank), name: '' };
}

/** Form → record, with every seed rule; with templates, custom field values are checked by type. */
export function revnueRecordFromForm(
  form: RevnueCustomerForm,
  templates?: readonly RevnueCustomFieldTemplate[],
): z.ZodSafeParseResult<RevnueCustomerRecord> {
  const schema = templates ? revnueRecordSchemaFor(templates) : revnueRecordSchema;
  return schema.safeParse(form);
}
