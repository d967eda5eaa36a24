// The address block R2 repeats six times (customer and contact: address, billing, shipping) and
// the user-defined fields (`udfs`) both customers and contacts carry.
import { z } from 'zod';
import { messages } from '../../../api/messages';
import { fieldsOf, writeText } from './fields';

export const r2AddressKeys = ['addressline', 'city', 'state', 'zip', 'country'] as const;

const addressFields = fieldsOf(r2AddressKeys, writeText);
export const r2AddressSchema = z.object(addressFields);
export type R2Address = z.infer<typeof r2AddressSchema>;

export const r2AddressBlocks = ['address', 'billingaddress', 'shippingaddress'] as const;
const blockLabels = {
  address: 'The address',
  billingaddress: 'The billing address',
  shippingaddress: 'The shipping address',
} as const;
export const r2AddressBlocksShape = fieldsOf(r2AddressBlocks, (block) =>
  z.object(addressFields, { error: messages.unreadable(blockLabels[block]) }).nullish(),
);

/** A user-defined field: R2 identifies it by its caption (list rules: see `r2UdfListSchema`). */
export const r2UdfSchema = z.object(
  {
    caption: z.string({ error: messages.text('Custom field name') }),
    value: z.string({ error: messages.text('Custom field value') }).nullish(),
  },
  { error: messages.unreadable('A custom field') },
);
export type R2Udf = z.infer<typeof r2UdfSchema>;

/** Server data: any list of udfs (R2 is the judge of its own data). */
export const r2UdfsSchema = z.array(r2UdfSchema, {
  error: messages.unreadable('The custom fields'),
});

/**
 * User input: the caption is the udf's identity (sync matches udfs by it), so it must be given
 * and appear once per list — two "Region" rows could not be told apart, nor merged.
 */
export const r2UdfListSchema = r2UdfsSchema.superRefine((udfs, ctx) => {
  const seen = new Set<string>();
  udfs.forEach((udf, index) => {
    const caption = udf.caption.trim();
    if (caption === '') {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'caption'],
        message: messages.required('Custom field name'),
      });
    } else if (seen.has(caption)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'caption'],
        message: 'Each custom field may appear only once',
      });
    }
    seen.add(caption);
  });
});
