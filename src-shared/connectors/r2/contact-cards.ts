// R2 customers as vCards for the export (docs/export.md#vcard): one card per contact, named after
// the person and carrying the company as ORG; a customer without any contact becomes one card of
// the company itself, so its phone and address are not left out.
import type { VCardAddress, VCardContact } from '../../export/vcard';
import { phonesOf } from '../vcard-phones';
import type { R2ContactRecord, R2CustomerRecord } from './api';

type R2AddressRecord = R2CustomerRecord['address'];

function r2Address(address: R2AddressRecord | null | undefined): VCardAddress[] {
  if (!address) return [];
  return [
    {
      street: address.addressline ?? '',
      locality: address.city ?? '',
      region: address.state ?? '',
      postalCode: address.zip ?? '',
      country: address.country ?? '',
    },
  ];
}

function r2ContactCard(customer: R2CustomerRecord, contact: R2ContactRecord): VCardContact {
  const parts = [contact.firstname, contact.middlename, contact.lastname].map(
    (p) => p?.trim() ?? '',
  );
  const fn = parts.filter(Boolean).join(' ') || customer.companyname;
  const own = r2Address(contact.address);
  return {
    fn,
    family: parts[2] ?? '',
    given: parts[0] ?? '',
    additional: parts[1] ?? '',
    org: customer.companyname,
    title: contact.title ?? '',
    emails: [contact.emailaddr ?? ''],
    phones: phonesOf([
      [contact.workphone, 'work'],
      [contact.mobilephone, 'cell'],
      [contact.homephone, 'home'],
      [contact.faxnumber, 'fax'],
      [contact.pager, 'pager'],
    ]),
    // A contact without an address of its own is reached at the company's.
    addresses: own.some((a) => Object.values(a).some((v) => v.trim() !== ''))
      ? own
      : r2Address(customer.address),
  };
}

export function r2ContactCards(record: R2CustomerRecord): VCardContact[] {
  const contacts = record.contacts ?? [];
  if (contacts.length > 0) return contacts.map((contact) => r2ContactCard(record, contact));
  return [
    {
      fn: record.companyname,
      org: record.companyname,
      phones: phonesOf([
        [record.phonenumber, 'work'],
        [record.faxnumber, 'fax'],
      ]),
      addresses: r2Address(record.address),
    },
  ];
}
