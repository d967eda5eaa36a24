// A contact of a customer, by-ID shape (seed "GET by ID" → contacts[]). Read: tolerant, with the
// read-only audit fields. Write: what POST/PUT/PATCH send — no audit fields, `recordid` only for
// contacts that already exist on the server; `emailaddr` must look like an email address.
import { z } from 'zod';
import { emailPattern, messages } from '../messages';
import { r2AddressBlocksShape, r2UdfSchema } from './address';
import { r2DateTimeSchema } from './dates';
import { fieldsOf, readFlag, readText, writeFlag, writeText } from './fields';

export const r2ContactTextKeys = [
  'contactid',
  'driverlicenceno',
  'firstname',
  'middlename',
  'lastname',
  'departmentid',
  'title',
  'password',
  'workphone',
  'faxnumber',
  'homephone',
  'mobilephone',
  'pager',
] as const;

/** Audit fields: set by R2, read-only for us. `date` is the wire or the ISO date schema. */
export function auditShape<D extends z.ZodType>(date: D) {
  return {
    createdbyid: z.string().nullish(),
    createdbyname: z.string().nullish(),
    createddate: date.nullish(),
    updatedbyid: z.string().nullish(),
    updatedbyname: z.string().nullish(),
    updateddate: date.nullish(),
  };
}
export const r2AuditKeys = [
  'createdbyid',
  'createdbyname',
  'createddate',
  'updatedbyid',
  'updatedbyname',
  'updateddate',
] as const;

export const r2ContactSchema = z.object({
  recordid: z.string(),
  ...fieldsOf(r2ContactTextKeys, readText),
  emailaddr: readText(),
  ...r2AddressBlocksShape,
  isprimarycontact: readFlag(),
  udfs: z.array(r2UdfSchema).nullish(),
  ...auditShape(r2DateTimeSchema),
});
export type R2Contact = z.infer<typeof r2ContactSchema>;

export const r2EmailSchema = z
  .string({ error: messages.email })
  .trim()
  .refine((email) => email === '' || emailPattern.test(email), messages.email)
  .nullish();

export const r2ContactWriteShape = {
  recordid: z.string().min(1).optional(),
  ...fieldsOf(r2ContactTextKeys, writeText),
  emailaddr: r2EmailSchema,
  ...r2AddressBlocksShape,
  isprimarycontact: writeFlag('Primary contact'),
  udfs: z.array(r2UdfSchema).nullish(),
};
export const r2ContactWriteSchema = z.object(r2ContactWriteShape);
export type R2ContactWrite = z.infer<typeof r2ContactWriteSchema>;
