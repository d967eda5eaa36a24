// The R2 editor's layout as data (the UI renders it): every field of the seed's by-ID customer, in
// the sections a salesperson looks for. Paths are checked against the record type at compile time
// and against the record schema by r2-editor.test.ts.
import {
  r2AddressKeys,
  r2AuditKeys,
  r2Billable,
  r2Categories,
  r2CustomerStatuses,
  r2CustomerTypes,
  r2DefaultPayAt,
  r2Phases,
  r2Synchronizer2,
  r2Types,
  type R2CustomerRecord,
  type R2Udf,
} from './api';
import { r2TextLabel } from './api/labels';
import type { EditorField, EditorInput, EditorSection, UniqueRule } from '../descriptor';
import { editorFor, labelsFor, type EditorBuilder, type KeyOf, type PathOf } from '../field-paths';

/** Labels of the fields r2TextLabels (text only) does not name. */
export const r2FieldLabels = labelsFor<R2CustomerRecord>()({
  recordid: 'Record ID',
  companyname: 'Company name',
  type: 'Type',
  category: 'Category',
  customertype: 'Customer type',
  customerstatus: 'Customer status',
  defaultpayat: 'Default pay at',
  billable: 'Billable',
  synchronizer2: 'Synchronize R2',
  phase: 'Phase',
  creditlimit: 'Credit limit',
  insuranceamount: 'Insurance amount',
  deductibleamount: 'Deductible amount',
  burdenpct: 'Burden %',
  glaccount: 'GL account',
  insuranceexpdate: 'Insurance expires',
  insuneverexpire: 'Insurance never expires',
  applytax: 'Apply tax',
  porequired: 'PO required',
  udfs: 'Custom fields',
  createdbyid: 'Created by (ID)',
  createdbyname: 'Created by',
  createddate: 'Created',
  updatedbyid: 'Updated by (ID)',
  updatedbyname: 'Updated by',
  updateddate: 'Updated',
});

const labels: Readonly<Record<string, string>> = r2FieldLabels;

/** The label of the last key of `path` ("address.city" → "City"). */
export function r2LabelOf(path: string): string {
  const key = path.slice(path.lastIndexOf('.') + 1);
  return labels[key] ?? r2TextLabel(key);
}

type Options = Omit<EditorField, 'path' | 'label' | 'input'>;

function fieldsOf<T>(b: EditorBuilder<T>) {
  return (path: PathOf<T>, input: EditorInput = 'text', options: Options = {}) =>
    b.field(path, r2LabelOf(path), input, options);
}

/** The five address fields of one address block (`address`, `billingaddress`, `shippingaddress`). */
function addressFields<T>(b: EditorBuilder<T>, block: KeyOf<T>): EditorField[] {
  // `${block}.${key}` is a path of T for each address block of T; the test walks the schema.
  return r2AddressKeys.map((key) => fieldsOf(b)(`${block}.${key}` as PathOf<T>));
}

function addressSections<T>(b: EditorBuilder<T>, prefix: string, blocks: readonly KeyOf<T>[]) {
  const titles = ['Address', 'Billing address', 'Shipping address'];
  const [first] = blocks;
  return blocks.map((block, index) => {
    const section = {
      ...b.section(`${prefix}${block}`, titles[index] ?? block, addressFields(b, block)),
      postalAddress: true,
    };
    // Billing and shipping are often the customer's address: offer to copy it.
    return index > 0 && first
      ? {
          ...section,
          sameAs: { path: first, label: `Same as ${(titles[0] ?? first).toLowerCase()}` },
        }
      : section;
  });
}

/** The server's id and audit fields: shown, never edited. */
function auditSection<T>(b: EditorBuilder<T>, id: string): EditorSection {
  const keys = ['recordid', ...r2AuditKeys] as readonly string[] as PathOf<T>[];
  const field = fieldsOf(b);
  const section = b.section(
    id,
    'Created and updated',
    keys.map((key) => field(key, key.endsWith('date') ? 'datetime' : 'text', { readOnly: true })),
  );
  return { ...section, audit: true };
}

/** R2 refuses a second customer with the same non-empty customer ID (checked offline too). */
const uniqueCustomerId: UniqueRule = {
  key: (record) => customerIdOf(record).toLowerCase(),
  message: (record) => `Another customer already has the customer ID “${customerIdOf(record)}”`,
};

function customerIdOf(record: unknown): string {
  const id = (record as Partial<R2CustomerRecord> | null)?.customerid;
  return typeof id === 'string' ? id.trim() : '';
}

const withNoun = (itemNoun: string, section: EditorSection): EditorSection => ({
  ...section,
  itemNoun,
});

const customer = editorFor<R2CustomerRecord>();
const field = fieldsOf(customer);
const select = (path: PathOf<R2CustomerRecord>, options: readonly string[]) =>
  field(path, 'select', { options });

export const r2EditorSections: readonly EditorSection[] = [
  customer.section('company', 'Company', [
    field('companyname', 'text', { required: true }),
    field('customerid', 'text', { uniqueAmongCustomers: uniqueCustomerId }),
    select('type', r2Types),
    select('category', r2Categories),
    select('customertype', r2CustomerTypes),
    select('customerstatus', r2CustomerStatuses),
    select('phase', r2Phases),
    field('phonenumber', 'tel'),
    field('faxnumber', 'tel'),
    field('web', 'url'),
    field('languageid'),
    field('salespersonid'),
    field('vendorid'),
    field('masterbillingid'),
    select('synchronizer2', r2Synchronizer2),
  ]),
  ...addressSections(customer, '', ['address', 'billingaddress', 'shippingaddress']),
  withNoun(
    'contact',
    customer.repeat('contacts', 'contacts', 'Contacts', (contact) => {
      const c = fieldsOf(contact);
      return {
        fields: [
          c('firstname'),
          c('middlename'),
          c('lastname'),
          c('title'),
          c('contactid'),
          c('departmentid'),
          c('emailaddr', 'email'),
          c('workphone', 'tel'),
          c('mobilephone', 'tel'),
          c('homephone', 'tel'),
          c('faxnumber', 'tel'),
          c('pager', 'tel'),
          c('isprimarycontact', 'checkbox'),
          c('driverlicenceno'),
          c('password'),
        ],
        sections: [
          ...addressSections(contact, 'contact-', ['address', 'billingaddress', 'shippingaddress']),
          withNoun(
            'custom field',
            contact.repeat('udfs', 'contact-udfs', 'Custom fields', udfFields),
          ),
          auditSection(contact, 'contact-audit'),
        ],
      };
    }),
  ),
  customer.section('terms', 'Commercial terms', [
    field('creditlimit', 'money'),
    select('billable', r2Billable),
    select('defaultpayat', r2DefaultPayAt),
    field('billingtermid'),
    field('paymenttermsid'),
    field('payabletermsid'),
    field('termgroupid'),
    field('glaccount', 'number'),
    field('burdenpct', 'number'),
    field('applytax', 'checkbox'),
    field('taxgroupid'),
    field('taxcertno'),
    field('porequired', 'checkbox'),
    field('membergroupid'),
    field('discountgroupid'),
    field('commissiongroupid'),
    field('marketinggroupid'),
    field('pricinggroupid'),
    field('laborpricinggroupid'),
  ]),
  customer.section('insurance', 'Insurance', [
    field('insuranceamount', 'money'),
    field('deductibleamount', 'money'),
    field('insuranceexpdate', 'datetime'),
    field('insuneverexpire', 'checkbox'),
    field('insucontactid'),
  ]),
  withNoun('custom field', customer.repeat('udfs', 'udfs', 'Custom fields', udfFields)),
  auditSection(customer, 'audit'),
];

/** A user-defined field: its caption is its identity (required, once per list). */
function udfFields(udf: EditorBuilder<R2Udf>) {
  return {
    fields: [
      udf.field('caption', 'Field', 'text', { required: true }),
      udf.field('value', 'Value', 'text'),
    ],
  };
}
