// A list summary (summaries.ts) as a local record, so a customer the pull has only seen in the
// list can be stored, shown and searched before its full by-ID copy arrives. Only members the
// by-ID record has under the same meaning are kept; list-only columns are left out (see below).
import type { R2Address } from './address';
import type { R2ContactRecord, R2CustomerRecord } from './record';
import type { R2ContactSummary, R2CustomerSummary } from './summaries';

/** Customer members a summary shares with the record, by name and meaning. */
export const r2SummaryCustomerKeys = [
  'recordid',
  'customerid',
  'category',
  'companyname',
  'customertype',
  'customerstatus',
  'createdbyid',
  'createdbyname',
  'createddate',
  'updatedbyid',
  'updatedbyname',
  'updateddate',
] as const;

/**
 * Contact members a summary shares with the by-ID contact. Left out: `phonenumber` and
 * `paymenttermsid` (by ID they exist only on the customer, so the list's per-contact copies
 * cannot be placed for certain) and `isprimarycontact` (the list's `isfirstcontact` says which
 * contact is listed first, not which one is primary).
 */
export const r2SummaryContactKeys = [
  'recordid',
  'contactid',
  'firstname',
  'middlename',
  'lastname',
  'departmentid',
  'emailaddr',
  'workphone',
  'mobilephone',
  'homephone',
  'faxnumber',
  'pager',
  'createdbyid',
  'createdbyname',
  'createddate',
  'updatedbyid',
  'updatedbyname',
  'updateddate',
] as const;

type Plain = Record<string, unknown>;

/** The members named in `keys` that have a value (null and undefined mean "absent" here). */
export function pickPresent(source: object, keys: readonly string[]): Plain {
  const out: Plain = {};
  for (const key of keys) {
    const value = (source as Plain)[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}

/** An address with its present members, or undefined when none is (so `{}` never appears). */
export function presentAddress(
  address: Partial<R2Address> | null | undefined,
): R2Address | undefined {
  if (!address) return undefined;
  const present = pickPresent(address, ['addressline', 'city', 'state', 'zip', 'country']);
  return Object.keys(present).length > 0 ? (present as R2Address) : undefined;
}

function contactFromSummary(contact: R2ContactSummary): R2ContactRecord {
  const address = presentAddress(contact.address);
  // The keys above are R2ContactRecord members with the same value types.
  return {
    ...pickPresent(contact, r2SummaryContactKeys),
    ...(address ? { address } : {}),
  } as R2ContactRecord;
}

/**
 * The local record of a customer known only from the list. Every contact keeps its `recordid`
 * (its identity for sync); a summary without a company name gets `''`, which the record schema
 * reports as "Company name is required" once someone edits it.
 */
export function r2RecordFromSummary(summary: R2CustomerSummary): R2CustomerRecord {
  const address = presentAddress(summary.address);
  return {
    ...pickPresent(summary, r2SummaryCustomerKeys),
    companyname: summary.companyname ?? '',
    ...(address ? { address } : {}),
    contacts: summary.contacts.map(contactFromSummary),
  } as R2CustomerRecord;
}
