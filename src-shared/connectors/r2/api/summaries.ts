// List rows ⇄ customer summaries. `GET customers` returns one row per (customer, contact) pair;
// the pull wants one summary per customer with its contacts gathered, named like the record
// (`emailaddress` → `emailaddr`, `pagernumber` → `pager`, address columns → `address{}`).
// `isfirstcontact` is read as the primary contact flag. Dates become ISO local date-times.
import type { R2Address } from './address';
import { withoutEmpty as dropUndefined } from './objects';
import { r2DateTimeToIso, isoToR2DateTime } from './dates';
import type { R2Category, R2CustomerStatus, R2CustomerType } from './enums';
import type { R2ListRow } from './list-row';
import type { R2CustomerRecord } from './record';

export interface R2ContactSummary {
  recordid: string;
  contactid?: string;
  firstname?: string;
  middlename?: string;
  lastname?: string;
  departmentid?: string;
  paymenttermsid?: string;
  emailaddr?: string;
  phonenumber?: string;
  workphone?: string;
  mobilephone?: string;
  homephone?: string;
  faxnumber?: string;
  pager?: string;
  isprimarycontact?: boolean;
  address: R2Address;
  createdbyid?: string;
  createdbyname?: string;
  createddate?: string;
  updatedbyid?: string;
  updatedbyname?: string;
  updateddate?: string;
}

export interface R2CustomerSummary {
  recordid: string;
  customerid?: string;
  category?: R2Category;
  companyname?: string;
  customertype?: R2CustomerType;
  customerstatus?: R2CustomerStatus;
  corporatememberof?: string;
  salespersonname?: string;
  subregionid?: string;
  address: R2Address;
  createdbyid?: string;
  createdbyname?: string;
  createddate?: string;
  updatedbyid?: string;
  updatedbyname?: string;
  updateddate?: string;
  contacts: R2ContactSummary[];
}

/**
 * Copies the non-empty members named in `pairs` ([to, from]) from `source`. A cleared text comes
 * back as '' or null; either is left out, as `r2RecordFromWire` does, so summary and record agree.
 */
function pick(source: Record<string, unknown>, pairs: readonly (readonly [string, string])[]) {
  const out: Record<string, unknown> = {};
  for (const [to, from] of pairs) {
    const value = source[from];
    if (value !== null && value !== undefined && value !== '') out[to] = value;
  }
  return out;
}

const customerColumns = [
  ['customerid', 'customerid'],
  ['category', 'category'],
  ['companyname', 'companyname'],
  ['customertype', 'customertype'],
  ['customerstatus', 'customerstatus'],
  ['corporatememberof', 'corporatememberof'],
  ['salespersonname', 'salespersonname'],
  ['subregionid', 'subregionid'],
  ['createdbyid', 'createdbyid'],
  ['createdbyname', 'createdbyname'],
  ['updatedbyid', 'updatedbyid'],
  ['updatedbyname', 'updatedbyname'],
] as const;
const customerAddressColumns = [
  ['addressline', 'customeraddressline'],
  ['city', 'customercity'],
  ['state', 'customerstate'],
  ['zip', 'customerzip'],
  ['country', 'customercountry'],
] as const;
const contactColumns = [
  ['contactid', 'contactid'],
  ['firstname', 'firstname'],
  ['middlename', 'middlename'],
  ['lastname', 'lastname'],
  ['departmentid', 'departmentid'],
  ['paymenttermsid', 'paymenttermsid'],
  ['emailaddr', 'emailaddress'],
  ['phonenumber', 'phonenumber'],
  ['workphone', 'workphone'],
  ['mobilephone', 'mobilephone'],
  ['homephone', 'homephone'],
  ['faxnumber', 'faxnumber'],
  ['pager', 'pagernumber'],
  ['isprimarycontact', 'isfirstcontact'],
  ['createdbyid', 'contactcreatedbyid'],
  ['createdbyname', 'contactcreatedbyname'],
  ['updatedbyid', 'contactupdatedbyid'],
  ['updatedbyname', 'contactupdatedbyname'],
] as const;
const contactAddressColumns = [
  ['addressline', 'contactaddressline'],
  ['city', 'contactcity'],
  ['state', 'contactstate'],
  ['zip', 'contactzip'],
  ['country', 'contactcountry'],
] as const;

/** Contact members the by-ID contact shares by name with the summary (the rest are list-only). */
const sameNamedContactKeys = contactColumns
  .filter(([to]) => to !== 'paymenttermsid' && to !== 'phonenumber')
  .map(([to]) => [to, to] as const);

const swap = (pairs: readonly (readonly [string, string])[]) =>
  pairs.map(([to, from]) => [from, to] as const);

const toIso = (value: string | null | undefined) => (value ? r2DateTimeToIso(value) : undefined);
const toWire = (value: string | undefined) => (value ? isoToR2DateTime(value) : undefined);

function summaryFromRow(row: R2ListRow): R2CustomerSummary {
  // The columns named above are exactly the summary's members.
  return dropUndefined({
    recordid: row.recordid,
    ...pick(row, customerColumns),
    address: pick(row, customerAddressColumns),
    createddate: toIso(row.createddate),
    updateddate: toIso(row.updateddate),
    contacts: [],
  }) as unknown as R2CustomerSummary;
}

function contactFromRow(row: R2ListRow): R2ContactSummary | undefined {
  if (!row.contactrecordid) return undefined;
  return dropUndefined({
    recordid: row.contactrecordid,
    ...pick(row, contactColumns),
    address: pick(row, contactAddressColumns),
    createddate: toIso(row.contactcreateddate),
    updateddate: toIso(row.contactupdateddate),
  }) as unknown as R2ContactSummary;
}

/**
 * One summary per customer `recordid`, in first-seen order, contacts gathered and de-duplicated
 * by their `recordid`. Pass the rows of ALL pages: a customer's rows can straddle a page break.
 * If rows of one customer disagree (it changed between two page fetches), the newest wins.
 */
export function r2CustomerSummariesFromRows(rows: readonly R2ListRow[]): R2CustomerSummary[] {
  const byId = new Map<string, R2CustomerSummary>();
  for (const row of rows) {
    const known = byId.get(row.recordid);
    // The customer's columns repeat on each of its rows: they are read again only when newer.
    const newer = !known || (known.updateddate ?? '') < (toIso(row.updateddate) ?? '');
    const summary = newer ? { ...summaryFromRow(row), contacts: known?.contacts ?? [] } : known;
    const contact = contactFromRow(row);
    if (contact) {
      const index = summary.contacts.findIndex((other) => other.recordid === contact.recordid);
      if (index === -1) summary.contacts.push(contact);
      else summary.contacts[index] = contact;
    }
    byId.set(row.recordid, summary);
  }
  return [...byId.values()];
}

/** The list rows of one summary (one per contact, or one with empty contact columns). */
export function r2ListRowsFromSummary(summary: R2CustomerSummary): R2ListRow[] {
  const { recordid, address, contacts, createddate, updateddate, ...customer } = summary;
  const base = {
    recordid,
    ...pick(customer, swap(customerColumns)),
    ...pick(address, swap(customerAddressColumns)),
    createddate: toWire(createddate),
    updateddate: toWire(updateddate),
  };
  if (contacts.length === 0) return [dropUndefined(base) as R2ListRow];
  return contacts.map(
    (contact) =>
      dropUndefined({
        ...base,
        contactrecordid: contact.recordid,
        ...pick({ ...contact }, swap(contactColumns)),
        ...pick(contact.address, swap(contactAddressColumns)),
        contactcreateddate: toWire(contact.createddate),
        contactupdateddate: toWire(contact.updateddate),
      }) as R2ListRow,
  );
}

/** What the list shows of a full record (used by the sandbox to answer `GET customers`). */
export function r2CustomerSummaryFromRecord(
  record: R2CustomerRecord & { recordid: string },
  listOnly: Pick<R2CustomerSummary, 'corporatememberof' | 'salespersonname' | 'subregionid'> = {},
): R2CustomerSummary {
  const customer = pick(
    record,
    customerColumns.filter(([to]) => to in record),
  );
  return dropUndefined({
    ...customer,
    ...listOnly,
    recordid: record.recordid,
    address: dropUndefined({ ...(record.address ?? {}) }),
    createddate: record.createddate ?? undefined,
    updateddate: record.updateddate ?? undefined,
    contacts: (record.contacts ?? []).flatMap((contact) => {
      if (!contact.recordid) return [];
      return [
        dropUndefined({
          ...pick(contact, sameNamedContactKeys),
          ...pick(record, [['paymenttermsid', 'paymenttermsid']]),
          recordid: contact.recordid,
          address: dropUndefined({ ...(contact.address ?? {}) }),
          createddate: contact.createddate ?? undefined,
          updateddate: contact.updateddate ?? undefined,
        }) as unknown as R2ContactSummary,
      ];
    }),
  }) as unknown as R2CustomerSummary;
}
