// The local canonical R2 record (store + editor): the write rules, dates as ISO local date-times
// (see dates.ts), the read-only audit fields kept for display and pulls, and per contact an
// optional `localKey` — a client-side identity until the server gives the contact a `recordid`.
import { z } from 'zod';
import { auditShape, r2ContactWriteShape } from './contact';
import { customerWriteShape } from './customer';
import { isoLocalDateTimeSchema } from './dates';

export const r2ContactRecordSchema = z.object({
  ...r2ContactWriteShape,
  /** Never sent to the server. */
  localKey: z.string().min(1).optional(),
  ...auditShape(isoLocalDateTimeSchema),
});
export type R2ContactRecord = z.infer<typeof r2ContactRecordSchema>;

export const r2RecordSchema = z.object({
  ...customerWriteShape(isoLocalDateTimeSchema),
  contacts: z.array(r2ContactRecordSchema).nullish(),
  ...auditShape(isoLocalDateTimeSchema),
});
export type R2CustomerRecord = z.infer<typeof r2RecordSchema>;
