// The Revnue v2 editor's layout as data (the UI renders it): every field of the seed's create body,
// with the seed's length limits, in the sections a salesperson looks for. Labels are the ones the
// body schema's messages use ("City must be at most 50 characters"); revnue-editor.test.ts checks.
import type { RevnueCustomerRecord } from './api';
import { revnueContactTypeLabels, revnueContactTypes } from './api/contact-person';
import { revnueNaturalKey } from './api/mapping';
import { revnueCustomTextMax } from './api/custom-field-values';
import type { RevnueTemplateFieldType } from './api/lookups';
import type {
  ConnectorLookups,
  EditorInput,
  EditorSection,
  FixedItem,
  UniqueRule,
} from '../descriptor';
import { revnueLookup } from './lookups';
import { editorFor, type KeyOf } from '../field-paths';

/** One label per record field: a field added to the record without a label does not compile. */
export const revnueFieldLabels: Readonly<Record<KeyOf<RevnueCustomerRecord>, string>> = {
  id: 'Revnue ID',
  company: 'Company',
  name: 'Name',
  category: 'Category',
  contact_person: 'Contact person',
  address_line_1: 'Address line 1',
  address_line_2: 'Address line 2',
  city: 'City',
  state_province: 'State/province',
  zip_postal_code: 'ZIP/postal code',
  country: 'Country',
  phone: 'Phone',
  mobile: 'Mobile',
  fax: 'Fax',
  website: 'Website',
  general_description: 'General description',
  nda_signed: 'NDA signed',
  nda_signed_date: 'NDA signed date',
  msa_signed: 'MSA signed',
  msa_signed_date: 'MSA signed date',
  supplementary_description: 'Supplementary description',
  additional_description: 'Additional description',
  template: 'Custom fields',
};

/** The server refuses a second customer of the account with the same name (case and spaces aside). */
const uniqueName: UniqueRule = {
  key: (record) => revnueNaturalKey({ name: nameOf(record) }),
  message: (record) => `A customer named “${nameOf(record).trim()}” already exists in Revnue`,
};

function nameOf(record: unknown): string {
  const name = (record as Partial<RevnueCustomerRecord> | null)?.name;
  return typeof name === 'string' ? name : '';
}

const inputOfType: Readonly<Record<RevnueTemplateFieldType, EditorInput>> = {
  money: 'money',
  number: 'number',
  date: 'date',
  text: 'text',
};

/** One value per field of the record's template, typed and named by the cached template. */
function revnueTemplateItems(record: unknown, lookups: ConnectorLookups): readonly FixedItem[] {
  const chosen = (record as Partial<RevnueCustomerRecord> | null)?.template?.id;
  const id = typeof chosen === 'string' ? Number(chosen) : chosen;
  const template = revnueLookup(lookups, 'templates')?.find((candidate) => candidate.id === id);
  return (template?.fields ?? []).map((field) => ({
    identity: { key: 'id', id: field.id },
    label: field.name,
    input: inputOfType[field.type],
    // Money up to 999999999999999.00 has 17 significant digits: more than a JS number holds.
    ...(field.type === 'money' ? { valueAs: 'string' as const } : {}),
    ...(field.type === 'text' ? { maxLength: revnueCustomTextMax } : {}),
  }));
}

const customer = editorFor<RevnueCustomerRecord>();
const label = revnueFieldLabels;

export const revnueEditorSections: readonly EditorSection[] = [
  customer.section('company', 'Company', [
    customer.field('name', label.name, 'text', {
      required: true,
      maxLength: 50,
      uniqueAmongCustomers: uniqueName,
    }),
    customer.field('company', label.company, 'select', {
      required: true,
      options: 'lookup:companies',
    }),
    customer.field('category', label.category, 'select', { options: 'lookup:categories' }),
    customer.field('phone', label.phone, 'tel', { maxLength: 20 }),
    customer.field('mobile', label.mobile, 'tel', { maxLength: 20 }),
    customer.field('fax', label.fax, 'tel', { maxLength: 20 }),
    customer.field('website', label.website, 'url', { maxLength: 50 }),
  ]),
  {
    ...customer.section('address', 'Address', [
      customer.field('address_line_1', label.address_line_1, 'text', { maxLength: 50 }),
      customer.field('address_line_2', label.address_line_2, 'text', { maxLength: 50 }),
      customer.field('city', label.city, 'text', { maxLength: 50 }),
      customer.field('state_province', label.state_province, 'text', { maxLength: 50 }),
      customer.field('zip_postal_code', label.zip_postal_code, 'text', { maxLength: 20 }),
      customer.field('country', label.country, 'select', { options: 'lookup:countries' }),
    ]),
    postalAddress: true,
  },
  customer.section('contact-person', 'Contact person', [
    customer.field('contact_person.name', 'Contact name', 'text', { maxLength: 50 }),
    customer.field('contact_person.email', 'Email', 'email', { maxLength: 254 }),
    customer.field('contact_person.type', 'Contact type', 'select', {
      options: revnueContactTypes,
      optionLabels: revnueContactTypeLabels,
    }),
  ]),
  customer.section('agreements', 'Agreements', [
    customer.field('nda_signed', label.nda_signed, 'checkbox'),
    customer.field('nda_signed_date', label.nda_signed_date, 'date'),
    customer.field('msa_signed', label.msa_signed, 'checkbox'),
    customer.field('msa_signed_date', label.msa_signed_date, 'date'),
  ]),
  customer.section('descriptions', 'Descriptions', [
    customer.field('general_description', label.general_description, 'textarea', {
      maxLength: 1000,
    }),
    customer.field('supplementary_description', label.supplementary_description, 'textarea', {
      maxLength: 1000,
    }),
    customer.field('additional_description', label.additional_description, 'textarea', {
      maxLength: 1000,
    }),
  ]),
  customer.section(
    'custom-fields',
    label.template,
    [
      customer.field('template.id', 'Custom field template', 'select', {
        options: 'lookup:templates',
        // The values belong to the template: another template starts with none.
        resets: 'template.fields',
      }),
    ],
    [
      // One input per field of the chosen template; its name and type (money, number, date,
      // text) come from the template, so the UI picks the input from the lookup.
      {
        ...customer.repeat(
          'template.fields',
          'custom-field-values',
          'Custom field values',
          (value) => ({
            fields: [
              value.field('id', 'Custom field', 'select', {
                options: 'lookup:templates',
                readOnly: true,
              }),
              value.field('value', 'Value', 'text'),
            ],
          }),
        ),
        fixedItems: revnueTemplateItems,
        valueField: 'value',
      },
    ],
  ),
  customer.section('record', 'Record', [
    customer.field('id', label.id, 'number', { readOnly: true }),
  ]),
];
