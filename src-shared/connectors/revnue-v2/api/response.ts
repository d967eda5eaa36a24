// What the server answers for one customer and for each item of the list (seed "Response
// Syntax"). Read tolerantly — this is the server's data, not the user's input: empty fields may
// come back as null, `country` as a name or digits, `template.fields` as a {fieldId: value} map.
import { z } from 'zod';
import { revnueContactTypeSchema } from './contact-person';

const text = z.string().nullish();

export const revnueCustomerResponseSchema = z.object({
  id: z.number().int(),
  /** Not in the seed's response; our sandbox sends it, a real server may not. */
  company: z.number().int().optional(),
  name: z.string(),
  category: z.object({ id: z.number().int(), name: z.string() }).nullish(),
  contact_person: z
    .object({
      name: text,
      email: text,
      type: z.union([revnueContactTypeSchema, z.literal('')]).nullish(),
    })
    .nullish(),
  address_line_1: text,
  address_line_2: text,
  city: text,
  state_province: text,
  zip_postal_code: text,
  /** Convention: the country's NAME ("Germany"); a string of digits or a number is accepted too. */
  country: z.union([z.string(), z.number().int()]).nullish(),
  phone: text,
  mobile: text,
  fax: text,
  website: text,
  general_description: text,
  nda_signed: z.boolean().nullish(),
  nda_signed_date: text,
  msa_signed: z.boolean().nullish(),
  msa_signed_date: text,
  supplementary_description: text,
  additional_description: text,
  template: z
    .object({
      id: z.number().int(),
      /** key = the custom field id as a decimal string. */
      fields: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    })
    .nullish(),
});
export type RevnueCustomerResponse = z.output<typeof revnueCustomerResponseSchema>;

export const revnueCustomerListSchema = z.array(revnueCustomerResponseSchema);
