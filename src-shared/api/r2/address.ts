// The address block R2 repeats six times (customer and contact: address, billing, shipping) and
// the user-defined fields (`udfs`) both customers and contacts carry.
import { z } from 'zod';
import { fieldsOf, writeText } from './fields';

export const r2AddressKeys = ['addressline', 'city', 'state', 'zip', 'country'] as const;

export const r2AddressSchema = z.object(fieldsOf(r2AddressKeys, writeText));
export type R2Address = z.infer<typeof r2AddressSchema>;

export const r2AddressBlocks = ['address', 'billingaddress', 'shippingaddress'] as const;
export const r2AddressBlocksShape = fieldsOf(r2AddressBlocks, () => r2AddressSchema.nullish());

/** A user-defined field: R2 identifies it by its caption. */
export const r2UdfSchema = z.object({
  caption: z.string({ error: 'Caption must be text' }),
  value: z.string({ error: 'Value must be text' }).nullish(),
});
export type R2Udf = z.infer<typeof r2UdfSchema>;
