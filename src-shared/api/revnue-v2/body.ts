// The POST/PUT body of `customer` (seed "Request Syntax" + "Body Parameters"), one rule per stated
// constraint. The parsed body always carries every field — blank text as '', a cleared date,
// category, country or template as null — so that a PUT can also clear a field on the server.
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

function bodyShape<T extends z.ZodType>(template: T) {
  return {
    /** Required by the wire; the app fills in 1 for single-company accounts (seed). */
    company: requiredId('Company'),
    /** Unique per account — see `revnueNaturalKey`. */
    name: requiredText('Name', 50),
    category: optionalId('Category'),
    contact_person: revnueContactPersonSchema,
    address_line_1: optionalText('Address line 1', 50),
    address_line_2: optionalText('Address line 2', 50),
    city: optionalText('City', 50),
    state_province: optionalText('State/province', 50),
    zip_postal_code: optionalText('ZIP/postal code', 20),
    /** The numeric ISO 3166 code; the seed's syntax shows a string, so digits are accepted too. */
    country: optionalId('Country'),
    phone: optionalText('Phone', 20),
    mobile: optionalText('Mobile', 20),
    fax: optionalText('Fax', 20),
    website: optionalText('Website', 50),
    general_description: optionalText('General description', 1000),
    nda_signed: optionalFlag('NDA signed'),
    nda_signed_date: optionalDate('NDA signed date'),
    msa_signed: optionalFlag('MSA signed'),
    msa_signed_date: optionalDate('MSA signed date'),
    supplementary_description: optionalText('Supplementary description', 1000),
    additional_description: optionalText('Additional description', 1000),
    template,
  };
}

/** The body with every seed rule except the per-type custom field checks (needs the templates). */
export const revnueCustomerBodySchema = z.object(bodyShape(revnueTemplateRefSchema));
export type RevnueCustomerBody = z.output<typeof revnueCustomerBodySchema>;
export type RevnueCustomerBodyInput = z.input<typeof revnueCustomerBodySchema>;

/** The body plus each custom field value checked against its template field's type. */
export function revnueCustomerBodySchemaFor(templates: readonly RevnueCustomFieldTemplate[]) {
  return z.object(bodyShape(revnueTemplateRefSchemaFor(templates)));
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

/** The local canonical record the store and editor use: the body plus the server id once known. */
export const revnueRecordSchema = revnueCustomerBodySchema.extend(recordId);
export type RevnueCustomerRecord = z.output<typeof revnueRecordSchema>;

export function revnueRecordSchemaFor(templates: readonly RevnueCustomFieldTemplate[]) {
  return revnueCustomerBodySchemaFor(templates).extend(recordId);
}
