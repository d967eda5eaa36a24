// The customer, by-ID shape (seed "GET by ID", POST/PUT/PATCH payloads). Read: tolerant server
// data with audit fields and `synchronizer2`. Write: the POST/PUT body — no audit fields,
// `recordid` optional, `companyname` required. Patch: any subset; contacts matched by `recordid`.
import { z } from 'zod';
import { messages } from '../../../api/messages';
import { r2AddressBlocksShape, r2UdfsSchema } from './address';
import { auditShape, r2ContactSchema, r2ContactWriteSchema, type DateFor } from './contact';
import { r2DateTimeSchema } from './dates';
import {
  r2BillableSchema,
  r2CategorySchema,
  r2CustomerStatusSchema,
  r2CustomerTypeSchema,
  r2DefaultPayAtSchema,
  r2PhaseSchema,
  r2Synchronizer2Schema,
  r2TypeSchema,
} from './enums';
import { fieldsOf, nonNegativeAmount, readFlag, readText, writeFlag, writeText } from './fields';

export const r2CustomerTextKeys = [
  'customerid',
  'phonenumber',
  'faxnumber',
  'vendorid',
  'masterbillingid',
  'languageid',
  'web',
  'membergroupid',
  'discountgroupid',
  'commissiongroupid',
  'taxgroupid',
  'marketinggroupid',
  'pricinggroupid',
  'laborpricinggroupid',
  'termgroupid',
  'insucontactid',
  'salespersonid',
  'billingtermid',
  'paymenttermsid',
  'payabletermsid',
  'taxcertno',
] as const;

const amountLabels = {
  creditlimit: 'Credit limit',
  insuranceamount: 'Insurance amount',
  deductibleamount: 'Deductible amount',
  burdenpct: 'Burden %',
} as const;
export const r2AmountKeys = Object.keys(amountLabels) as (keyof typeof amountLabels)[];

const flagLabels = {
  insuneverexpire: 'Insurance never expires',
  applytax: 'Apply tax',
  porequired: 'PO required',
} as const;
export const r2FlagKeys = Object.keys(flagLabels) as (keyof typeof flagLabels)[];

const enumsShape = {
  type: r2TypeSchema.nullish(),
  category: r2CategorySchema.nullish(),
  customertype: r2CustomerTypeSchema.nullish(),
  customerstatus: r2CustomerStatusSchema.nullish(),
  defaultpayat: r2DefaultPayAtSchema.nullish(),
  billable: r2BillableSchema.nullish(),
  /**
   * The seed lists exactly three values and no empty one: absent is tolerated (an older record),
   * null is refused — the sandbox defaults it, Fieldbook always sends one on create.
   */
  synchronizer2: r2Synchronizer2Schema.optional(),
  phase: r2PhaseSchema.nullish(),
};

/** GL account: a whole number ≥ 0 (the seed's sample is 0). */
const glAccount = z
  .number({ error: messages.wholeNumber('GL account') })
  .int(messages.wholeNumber('GL account'))
  .nonnegative(messages.notNegative('GL account'))
  .nullish();

const customerNotSaved = 'This customer was not stored properly; reload it from R2';

/** The write rules, with the date schema as a parameter: wire dates here, ISO dates in record.ts. */
export function customerWriteShape<D extends z.ZodType>(date: DateFor<D>) {
  return {
    recordid: z.string({ error: customerNotSaved }).min(1, customerNotSaved).optional(),
    companyname: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? messages.required('Company name')
            : messages.text('Company name'),
      })
      .trim()
      .min(1, messages.required('Company name')),
    ...fieldsOf(r2CustomerTextKeys, writeText),
    ...enumsShape,
    ...r2AddressBlocksShape,
    ...fieldsOf(r2AmountKeys, (key) => nonNegativeAmount(amountLabels[key])),
    glaccount: glAccount,
    insuranceexpdate: date('Insurance expires').nullish(),
    ...fieldsOf(r2FlagKeys, (key) => writeFlag(flagLabels[key])),
    udfs: r2UdfsSchema.nullish(),
  };
}

export const r2CustomerSchema = z.object({
  recordid: z.string(),
  companyname: z.string(),
  ...fieldsOf(r2CustomerTextKeys, readText),
  ...enumsShape,
  ...r2AddressBlocksShape,
  ...fieldsOf(r2AmountKeys, () => z.number().nullish()),
  glaccount: z.number().nullish(),
  insuranceexpdate: r2DateTimeSchema.nullish(),
  ...fieldsOf(r2FlagKeys, readFlag),
  contacts: z.array(r2ContactSchema).nullish(),
  udfs: r2UdfsSchema.nullish(),
  ...auditShape(() => r2DateTimeSchema),
});
export type R2Customer = z.infer<typeof r2CustomerSchema>;

export const r2ContactsUnreadable = messages.unreadable('The contacts');
export const r2CustomerWriteSchema = z.object({
  ...customerWriteShape(() => r2DateTimeSchema),
  contacts: z.array(r2ContactWriteSchema, { error: r2ContactsUnreadable }).nullish(),
});
export type R2CustomerWrite = z.infer<typeof r2CustomerWriteSchema>;

/** PATCH: any subset of the write body; a contact without `recordid` is a new contact. */
export const r2CustomerPatchSchema = r2CustomerWriteSchema.partial().extend({
  contacts: z.array(r2ContactWriteSchema.partial(), { error: r2ContactsUnreadable }).optional(),
});
export type R2CustomerPatch = z.infer<typeof r2CustomerPatchSchema>;
