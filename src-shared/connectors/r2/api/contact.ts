// A contact of a customer, by-ID shape (seed "GET by ID" → contacts[]). Read: tolerant, with the
// read-only audit fields. Write: what POST/PUT/PATCH send — no audit fields, `recordid` only for
// contacts that already exist on the server; `emailaddr` must look like an email address.
import { z } from 'zod';
import { emailPattern, messages } from '../../../api/messages';
import { r2AddressBlocksShape, r2UdfsSchema } from './address';
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

/** A date schema for a field label: the wire's (one message) or the record's (names the field). */
export type DateFor<D extends z.ZodType> = (label: string) => D;

/** Audit fields: set by R2, read-only for us. `date` gives the wire or the ISO date schema. */
export function auditShape<D extends z.ZodType>(date: DateFor<D>) {
  return {
    createdbyid: z.string({ error: messages.text('Created by') }).nullish(),
    createdbyname: z.string({ error: messages.text('Created by') }).nullish(),
    createddate: date('Created').nullish(),
    updatedbyid: z.string({ error: messages.text('Updated by') }).nullish(),
    updatedbyname: z.string({ error: messages.text('Updated by') }).nullish(),
    updateddate: date('Updated').nullish(),
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
  udfs: r2UdfsSchema.nullish(),
  ...auditShape(() => r2DateTimeSchema),
});
export type R2Contact = z.infer<typeof r2ContactSchema>;

export const r2EmailSchema = z
  .string({ error: messages.email })
  .trim()
  .refine((email) => email === '' || emailPattern.test(email), messages.email)
  .nullish();

/** A contact's or customer's server id is never typed by anyone: a bad one is a damaged record. */
export const contactNotSaved = 'This contact has not been saved properly; add it again';
export const r2ContactWriteShape = {
  recordid: z.string({ error: contactNotSaved }).min(1, contactNotSaved).optional(),
  ...fieldsOf(r2ContactTextKeys, writeText),
  emailaddr: r2EmailSchema,
  ...r2AddressBlocksShape,
  isprimarycontact: writeFlag('Primary contact'),
  udfs: r2UdfsSchema.nullish(),
};
export const r2ContactWriteSchema = z.object(r2ContactWriteShape);
export type R2ContactWrite = z.infer<typeof r2ContactWriteSchema>;
