// The local canonical R2 record (store + editor): the write rules, dates as ISO local date-times
// (see dates.ts), the read-only audit fields kept for display and pulls, and per contact an
// optional `localKey` — a client-side identity until the server gives the contact a `recordid`.
// Unlike server data, a record's lists must be matchable item by item (see the rules below).
import { z } from 'zod';
import { messages } from '../../../api/messages';
import { r2UdfListSchema } from './address';
import { auditShape, contactNotSaved, r2ContactWriteShape } from './contact';
import { customerWriteShape, r2ContactsUnreadable } from './customer';
import { isoLocalDateTimeFor } from './dates';

export const r2ContactRecordSchema = z.object(
  {
    ...r2ContactWriteShape,
    /** Never sent to the server. */
    localKey: z.string({ error: contactNotSaved }).min(1, contactNotSaved).optional(),
    ...auditShape(isoLocalDateTimeFor),
    udfs: r2UdfListSchema.nullish(),
  },
  { error: messages.unreadable('A contact') },
);
export type R2ContactRecord = z.infer<typeof r2ContactRecordSchema>;

/**
 * Every contact carries its identity — the server's `recordid`, else the editor's `localKey` — and
 * no identity appears twice. Sync matches contacts by it; a list it cannot match would be sent
 * whole, and an existing contact could lose its recordid (R2 would recreate it under a new id).
 */
function checkContactIdentities(contacts: readonly R2ContactRecord[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  contacts.forEach((contact, index) => {
    const identity =
      contact.recordid !== undefined
        ? `recordid=${contact.recordid}`
        : contact.localKey !== undefined
          ? `localKey=${contact.localKey}`
          : undefined;
    if (identity === undefined || seen.has(identity)) {
      ctx.addIssue({ code: 'custom', path: [index], message: contactNotSaved });
    }
    if (identity !== undefined) seen.add(identity);
  });
}

export const r2RecordSchema = z.object({
  ...customerWriteShape(isoLocalDateTimeFor),
  contacts: z
    .array(r2ContactRecordSchema, { error: r2ContactsUnreadable })
    .superRefine(checkContactIdentities)
    .nullish(),
  udfs: r2UdfListSchema.nullish(),
  ...auditShape(isoLocalDateTimeFor),
});
export type R2CustomerRecord = z.infer<typeof r2RecordSchema>;
