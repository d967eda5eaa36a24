// `GET customers` rows: customer columns joined with ONE contact's columns (seed "GET" sample).
// A customer with no contacts still yields one row, its contact columns null. Rows come in
// recordid order, then contact order, so paging is stable; "Created in CRM" records are left out.
import type { R2Contact, R2Customer, R2ListRow } from '../../src-shared/connectors/r2/api';
import { r2ListRowSchema } from '../../src-shared/connectors/r2/api';
import { salespersonName } from '../demo-data/salespeople';

/** Every column a list filter may name. */
export const r2ListColumns = Object.keys(r2ListRowSchema.shape) as (keyof R2ListRow)[];

export function listRow(
  customer: R2Customer,
  contact: R2Contact | undefined,
  index: number,
): R2ListRow {
  const address = customer.address;
  const contactAddress = contact?.address;
  return {
    recordid: customer.recordid,
    customerid: customer.customerid ?? null,
    category: customer.category ?? null,
    companyname: customer.companyname,
    customertype: customer.customertype ?? null,
    customerstatus: customer.customerstatus ?? null,
    corporatememberof: customer.masterbillingid ?? null,
    salespersonname: salespersonName(customer.salespersonid),
    subregionid: null,
    customeraddressline: address?.addressline ?? null,
    customercity: address?.city ?? null,
    customerstate: address?.state ?? null,
    customerzip: address?.zip ?? null,
    customercountry: address?.country ?? null,
    createdbyid: customer.createdbyid ?? null,
    createdbyname: customer.createdbyname ?? null,
    createddate: customer.createddate ?? null,
    updatedbyid: customer.updatedbyid ?? null,
    updatedbyname: customer.updatedbyname ?? null,
    updateddate: customer.updateddate ?? null,
    contactrecordid: contact?.recordid ?? null,
    contactid: contact?.contactid ?? null,
    firstname: contact?.firstname ?? null,
    middlename: contact?.middlename ?? null,
    lastname: contact?.lastname ?? null,
    departmentid: contact?.departmentid ?? null,
    paymenttermsid: contact ? (customer.paymenttermsid ?? null) : null,
    isfirstcontact: contact ? index === 0 : null,
    emailaddress: contact?.emailaddr ?? null,
    phonenumber: contact ? (customer.phonenumber ?? null) : null,
    workphone: contact?.workphone ?? null,
    mobilephone: contact?.mobilephone ?? null,
    homephone: contact?.homephone ?? null,
    faxnumber: contact?.faxnumber ?? null,
    pagernumber: contact?.pager ?? null,
    contactaddressline: contactAddress?.addressline ?? null,
    contactcity: contactAddress?.city ?? null,
    contactstate: contactAddress?.state ?? null,
    contactzip: contactAddress?.zip ?? null,
    contactcountry: contactAddress?.country ?? null,
    contactcreatedbyid: contact?.createdbyid ?? null,
    contactcreatedbyname: contact?.createdbyname ?? null,
    contactcreateddate: contact?.createddate ?? null,
    contactupdatedbyid: contact?.updatedbyid ?? null,
    contactupdatedbyname: contact?.updatedbyname ?? null,
    contactupdateddate: contact?.updateddate ?? null,
  };
}

/** The rows of one customer: one per contact, or one with empty contact columns. */
export function* rowsOf(customer: R2Customer): Generator<R2ListRow> {
  const contacts = customer.contacts ?? [];
  if (contacts.length === 0) yield listRow(customer, undefined, 0);
  for (const [index, contact] of contacts.entries()) yield listRow(customer, contact, index);
}

export function rowCount(customer: R2Customer): number {
  return Math.max(1, customer.contacts?.length ?? 0);
}
