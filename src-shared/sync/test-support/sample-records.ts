// Realistic records for example tests: ACME Rentals on R2 (two contacts, udfs) and Globex on
// Revnue (a contact person, custom fields). Each test copies and edits them like a salesperson would.
import type { R2CustomerRecord } from '../../connectors/r2/api';
import type {
  RevnueCustomerRecord,
  RevnueCustomFieldTemplate,
} from '../../connectors/revnue-v2/api';

export function acmeOnR2(): R2CustomerRecord {
  return {
    recordid: 'R-1001',
    companyname: 'ACME Rentals',
    customerid: 'ACME',
    phonenumber: '+44 113 496 0000',
    customerstatus: 'Active',
    insuranceexpdate: '2025-03-31T00:00',
    address: { addressline: '1 Wellington St', city: 'Leeds', zip: 'LS1 4DL', country: 'UK' },
    billingaddress: { addressline: 'PO Box 7', city: 'Leeds', zip: 'LS1 9ZZ', country: 'UK' },
    contacts: [
      {
        recordid: 'C-17',
        firstname: 'Jane',
        lastname: 'Doe',
        emailaddr: 'jane@acme.example',
        workphone: '+44 113 496 0001',
        address: { city: 'Leeds' },
        udfs: [{ caption: 'Role', value: 'Buyer' }],
        createdbyname: 'Ann',
        updateddate: '2024-01-10T09:00',
      },
      {
        recordid: 'C-18',
        firstname: 'Max',
        lastname: 'Muster',
        emailaddr: 'max@acme.example',
      },
    ],
    udfs: [
      { caption: 'Region', value: 'North' },
      { caption: 'Tier', value: 'Gold' },
    ],
    createdbyname: 'Ann',
    createddate: '2023-05-02T08:15',
    updatedbyname: 'Ann',
    updateddate: '2024-01-10T09:00',
  };
}

export function globexOnRevnue(): RevnueCustomerRecord {
  return {
    id: 42,
    company: 1,
    name: 'Globex',
    category: 3,
    contact_person: { name: 'Hank Scorpio', email: 'hank@globex.example', type: 'executive' },
    address_line_1: 'Cypress Creek 1',
    address_line_2: '',
    city: 'Springfield',
    state_province: '',
    zip_postal_code: '49007',
    country: 840,
    phone: '+1 555 0100',
    mobile: '',
    fax: '',
    website: 'https://globex.example',
    general_description: '',
    nda_signed: true,
    nda_signed_date: '2024-02-01',
    msa_signed: false,
    msa_signed_date: null,
    supplementary_description: '',
    additional_description: '',
    template: {
      id: 5,
      fields: [
        { id: 7, value: '1200.00' },
        { id: 8, value: 'Gold' },
      ],
    },
  };
}

export const globexTemplates: RevnueCustomFieldTemplate[] = [
  {
    id: 5,
    name: 'Key account',
    fields: [
      { id: 7, name: 'Annual budget', type: 'money' },
      { id: 8, name: 'Tier', type: 'text' },
      { id: 9, name: 'Renewal date', type: 'date' },
    ],
  },
];
