// Two views of an R2 record the descriptor needs: what the customer list shows of it (to tell a
// pulled summary of an unchanged customer from a changed one), and a copy to create again after
// the customer was deleted on the server.
import {
  newContactKey,
  r2AuditKeys,
  r2SummaryContactKeys,
  r2SummaryCustomerKeys,
  type R2ContactRecord,
  type R2CustomerRecord,
} from './api';
import { pickPresent, presentAddress } from './api/summary-record';

/**
 * Exactly what `r2RecordFromSummary(r2CustomerSummariesFromRows(rows))` gives for the list rows
 * of `record`: the list's customer columns, its address, and its contacts that the server knows
 * (a contact still without `recordid` is not listed yet). r2-record-views.test.ts proves it.
 */
export function r2SummaryOf(record: R2CustomerRecord): R2CustomerRecord {
  const address = presentAddress(record.address);
  return {
    ...pickPresent(record, r2SummaryCustomerKeys),
    companyname: record.companyname,
    ...(address ? { address } : {}),
    contacts: (record.contacts ?? []).flatMap((contact) => {
      if (contact.recordid === undefined) return [];
      const contactAddress = presentAddress(contact.address);
      // The keys are the contact's own, with their own value types.
      const listed = {
        ...pickPresent(contact, r2SummaryContactKeys),
        ...(contactAddress ? { address: contactAddress } : {}),
      } as R2ContactRecord;
      return [listed];
    }),
  } as R2CustomerRecord;
}

function withoutServerFields<T extends object>(value: T): T {
  const copy = { ...value } as Record<string, unknown>;
  delete copy['recordid'];
  for (const key of r2AuditKeys) delete copy[key];
  return copy as T;
}

/**
 * The record as a brand-new customer: no recordid or audit fields, and every contact the server
 * had becomes a new one under a fresh localKey (its recordid belonged to the deleted customer).
 */
export function r2ForRecreate(
  record: R2CustomerRecord,
  newKey: () => string = newContactKey,
): R2CustomerRecord {
  const copy = withoutServerFields(record);
  if (!record.contacts) return copy;
  return {
    ...copy,
    contacts: record.contacts.map((contact) => {
      const fields = withoutServerFields(contact);
      // A contact not yet on the server keeps its localKey: queued edits may name it.
      return contact.recordid === undefined && contact.localKey !== undefined
        ? fields
        : { ...fields, localKey: newKey() };
    }),
  };
}
