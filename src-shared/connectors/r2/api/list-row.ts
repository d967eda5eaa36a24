// One row of `GET customers` (seed "GET" sample): customer columns joined with the columns of ONE
// contact, so a customer with three contacts spans three rows (and one with none, one row whose
// contact columns are empty). summaries.ts folds rows back into customers.
import { z } from 'zod';
import { r2DateTimeSchema } from './dates';
import { r2CategorySchema, r2CustomerStatusSchema, r2CustomerTypeSchema } from './enums';
import { fieldsOf, readText } from './fields';

export const r2ListCustomerTextKeys = [
  'customerid',
  'companyname',
  'corporatememberof',
  'salespersonname',
  'subregionid',
  'customeraddressline',
  'customercity',
  'customerstate',
  'customerzip',
  'customercountry',
  'createdbyid',
  'createdbyname',
  'updatedbyid',
  'updatedbyname',
] as const;

export const r2ListContactTextKeys = [
  'contactrecordid',
  'contactid',
  'firstname',
  'middlename',
  'lastname',
  'departmentid',
  'paymenttermsid',
  'emailaddress',
  'phonenumber',
  'workphone',
  'mobilephone',
  'homephone',
  'faxnumber',
  'pagernumber',
  'contactaddressline',
  'contactcity',
  'contactstate',
  'contactzip',
  'contactcountry',
  'contactcreatedbyid',
  'contactcreatedbyname',
  'contactupdatedbyid',
  'contactupdatedbyname',
] as const;

export const r2ListRowSchema = z.object({
  recordid: z.string(),
  ...fieldsOf(r2ListCustomerTextKeys, readText),
  category: r2CategorySchema.nullish(),
  customertype: r2CustomerTypeSchema.nullish(),
  customerstatus: r2CustomerStatusSchema.nullish(),
  createddate: r2DateTimeSchema.nullish(),
  updateddate: r2DateTimeSchema.nullish(),
  ...fieldsOf(r2ListContactTextKeys, readText),
  isfirstcontact: z.boolean().nullish(),
  contactcreateddate: r2DateTimeSchema.nullish(),
  contactupdateddate: r2DateTimeSchema.nullish(),
});
export type R2ListRow = z.infer<typeof r2ListRowSchema>;

export const r2ListSchema = z.array(r2ListRowSchema);

/** One page of the list as `r2.customers.list` answers it: the rows and the total row count. */
export const r2ListPageSchema = z.object({
  rows: r2ListSchema,
  total: z.number().int().nonnegative(),
});
