// The Revnue customer as the store and the editor keep it (the canonical record): one rule per
// constraint of the seed's "Body Parameters". The record always carries every field — blank text
// as '', an unset date, category, country, contact or template as null — so two versions compare
// field by field. What is SENT is built from it (body-from-record.ts, checked by wire-body.ts).
import { z } from 'zod';
import type { RevnueCustomFieldTemplate } from './lookups';
import { revnueContactPersonSchema } from './contact-person';
import {
  optionalDate,
  optionalFlag,
  optionalId,
  optionalText,
  requiredId,
  requiredText,
} from './fields';
import { revnueTemplateRefSchema, revnueTemplateRefSchemaFor } from './template';

/** The optional text fields of the seed with their labels and maximum lengths. */
export const revnueTextFields = {
  address_line_1: ['Address line 1', 50],
  address_line_2: ['Address line 2', 50],
  city: ['City', 50],
  state_province: ['State/province', 50],
  zip_postal_code: ['ZIP/postal code', 20],
  phone: ['Phone', 20],
  mobile: ['Mobile', 20],
  fax: ['Fax', 20],
  website: ['Website', 50],
  general_description: ['General description', 1000],
  supplementary_description: ['Supplementary description', 1000],
  additional_description: ['Additional description', 1000],
} as const satisfies Record<string, readonly [label: string, max: number]>;
export type RevnueTextKey = keyof typeof revnueTextFields;
export const revnueTextKeys = Object.keys(revnueTextFields) as RevnueTextKey[];

/** Optional fields whose empty value is null (no empty spelling of their type) and their labels. */
export const revnueIdLabels = { category: 'Category', country: 'Country' } as const;
export const revnueDateLabels = {
  nda_signed_date: 'NDA signed date',
  msa_signed_date: 'MSA signed date',
} as const;
export const revnueFlagLabels = { nda_signed: 'NDA signed', msa_signed: 'MSA signed' } as const;

/** `{key: build(key)}` for each key of `table`, keeping the key types. */
export function fieldsFrom<T extends Record<string, unknown>, S>(
  table: T,
  build: (entry: T[keyof T]) => S,
): Record<keyof T, S> {
  // fromEntries loses the key types; the keys are exactly those of `table`.
  return Object.fromEntries(
    Object.entries(table).map(([key, entry]) => [key, build(entry as T[keyof T])]),
  ) as Record<keyof T, S>;
}

function recordShape<T extends z.ZodType>(template: T) {
  return {
    /** Required by the wire; the app fills in 1 for single-company accounts (seed). */
    company: requiredId('Company'),
    /** Unique per account — see `revnueNaturalKey`. */
    name: requiredText('Name', 50),
    /** The country is the numeric ISO 3166 code; digits are accepted too (the seed's syntax). */
    ...fieldsFrom(revnueIdLabels, (label) => optionalId(label)),
    contact_person: revnueContactPersonSchema,
    ...fieldsFrom(revnueTextFields, ([label, max]) => optionalText(label, max)),
    ...fieldsFrom(revnueFlagLabels, (label) => optionalFlag(label)),
    ...fieldsFrom(revnueDateLabels, (label) => optionalDate(label)),
    template,
  };
}

/** Only ever set from the server's answer; a wrong one means the stored record is damaged. */
const serverIdMessage = 'This customer was not stored properly; reload it from Revnue';
const recordId = {
  id: z
    .number({ error: serverIdMessage })
    .int(serverIdMessage)
    .positive(serverIdMessage)
    .optional(),
};

/** The record with every seed rule except the per-type custom field checks (needs the templates). */
export const revnueRecordSchema = z.object({
  ...recordShape(revnueTemplateRefSchema),
  ...recordId,
});
export type RevnueCustomerRecord = z.output<typeof revnueRecordSchema>;
/** What the editor form (or any caller) may hand the record schema. */
export type RevnueCustomerRecordInput = z.input<typeof revnueRecordSchema>;

/** The record plus each custom field value checked against its template field's type. */
export function revnueRecordSchemaFor(templates: readonly RevnueCustomFieldTemplate[]) {
  return z.object({ ...recordShape(revnueTemplateRefSchemaFor(templates)), ...recordId });
}
