// The names a salesperson sees for R2's text fields, so that a rule broken on any of them reads
// "Work phone must be text" — never a bare "Must be text" the editor cannot place.
import type { r2AddressKeys } from './address';

const addressLabels: Record<(typeof r2AddressKeys)[number], string> = {
  addressline: 'Address line',
  city: 'City',
  state: 'State',
  zip: 'ZIP',
  country: 'Country',
};

/** Labels of the customer's and contacts' text fields (one word list: R2 reuses the names). */
export const r2TextLabels: Readonly<Record<string, string>> = {
  ...addressLabels,
  customerid: 'Customer ID',
  phonenumber: 'Phone',
  faxnumber: 'Fax',
  vendorid: 'Vendor ID',
  masterbillingid: 'Master billing ID',
  languageid: 'Language',
  web: 'Website',
  membergroupid: 'Member group',
  discountgroupid: 'Discount group',
  commissiongroupid: 'Commission group',
  taxgroupid: 'Tax group',
  marketinggroupid: 'Marketing group',
  pricinggroupid: 'Pricing group',
  laborpricinggroupid: 'Labor pricing group',
  termgroupid: 'Term group',
  insucontactid: 'Insurance contact',
  salespersonid: 'Salesperson',
  billingtermid: 'Billing term',
  paymenttermsid: 'Payment terms',
  payabletermsid: 'Payable terms',
  taxcertno: 'Tax certificate no.',
  contactid: 'Contact ID',
  driverlicenceno: "Driver's licence no.",
  firstname: 'First name',
  middlename: 'Middle name',
  lastname: 'Last name',
  departmentid: 'Department',
  title: 'Title',
  password: 'Password',
  workphone: 'Work phone',
  homephone: 'Home phone',
  mobilephone: 'Mobile phone',
  pager: 'Pager',
};

/** The label of `key`, or the key itself (a field added to a key list but not named here yet). */
export function r2TextLabel(key: string): string {
  return r2TextLabels[key] ?? key;
}
