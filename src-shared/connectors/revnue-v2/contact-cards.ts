// Revnue customers as vCards for the export (docs/export.md#vcard): the contact person's card with
// the company as ORG, or one card of the company itself when it has no contact person.
import type { VCardContact } from '../../export/vcard';
import type { ConnectorLookups } from '../descriptor';
import { phonesOf } from '../vcard-phones';
import type { RevnueCustomerRecord } from './api';
import { revnueNameOf } from './lookups';

export function revnueContactCards(
  record: RevnueCustomerRecord,
  lookups: ConnectorLookups,
): VCardContact[] {
  const person = record.contact_person;
  const name = person?.name?.trim() ?? '';
  const email = person?.email?.trim() ?? '';
  const company: VCardContact = {
    fn: record.name,
    org: record.name,
    phones: phonesOf([
      [record.phone, 'work'],
      [record.mobile, 'cell'],
      [record.fax, 'fax'],
    ]),
    addresses: [
      {
        street: [record.address_line_1, record.address_line_2].filter((l) => l?.trim()).join('\n'),
        locality: record.city ?? '',
        region: record.state_province ?? '',
        postalCode: record.zip_postal_code ?? '',
        country: revnueNameOf(lookups, 'countries', record.country),
      },
    ],
  };
  if (name === '' && email === '') return [company];
  // Revnue keeps one name per contact: it is the formatted name; N stays unstructured.
  return [{ ...company, fn: name || email, emails: [email] }];
}
