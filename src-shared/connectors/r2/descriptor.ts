// The Unibiz R2 connector as data (docs/architecture.md#unibiz-r2): partial updates (PATCH), a
// paged list of summaries with an `updatedsince` delta, full records by ID, contacts identified by
// recordid / localKey.
import {
  r2NaturalKey,
  r2RecordSchema,
  withContactIdentities,
  type R2ContactRecord,
  type R2CustomerRecord,
} from './api';
import { withoutEmptyMembers } from './api/mapping';
import { r2Shape, resolveR2 } from '../../sync/connectors';
import { validateWith } from '../../sync/validate';
import type { ConnectorDescriptor, ListColumn, ListSearch } from '../descriptor';
import { r2EditorSections, r2LabelOf } from './editor';
import { r2ItemRenames } from './item-renames';
import { r2ForRecreate, r2SummaryOf } from './record-views';
import { r2ContactCards } from './contact-cards';

const apiName = 'Unibiz R2';

function contactName(contact: R2ContactRecord | undefined): string {
  if (!contact) return '';
  const name = [contact.firstname, contact.lastname].filter((part) => part?.trim()).join(' ');
  return name.trim();
}

/** Only what a summary (the list's columns) carries, so a list of 100,000 shows at once. */
const r2ListColumns: readonly ListColumn<R2CustomerRecord>[] = [
  { id: 'companyname', label: r2LabelOf('companyname'), value: (r) => r.companyname },
  { id: 'customerid', label: r2LabelOf('customerid'), value: (r) => r.customerid ?? '' },
  { id: 'city', label: r2LabelOf('address.city'), value: (r) => r.address?.city ?? '' },
  { id: 'country', label: r2LabelOf('address.country'), value: (r) => r.address?.country ?? '' },
  { id: 'status', label: r2LabelOf('customerstatus'), value: (r) => r.customerstatus ?? '' },
  { id: 'contact', label: 'Contact', value: (r) => contactName(r.contacts?.[0]) },
  { id: 'email', label: 'Email', value: (r) => r.contacts?.[0]?.emailaddr ?? '' },
  {
    id: 'updated',
    label: r2LabelOf('updateddate'),
    value: (r) => r.updateddate ?? '',
    format: 'datetime',
  },
];

/** Summaries carry status and category; the phase only comes with the full record. */
const r2ListSearch: ListSearch<R2CustomerRecord> = {
  text: (r) => [
    r.companyname,
    r.customerid ?? '',
    r.recordid ?? '',
    r.address?.city ?? '',
    ...(r.contacts ?? []).flatMap((c) => [contactName(c), c.emailaddr ?? '']),
  ],
  phones: (r) => [
    r.phonenumber ?? '',
    r.faxnumber ?? '',
    ...(r.contacts ?? []).flatMap((c) =>
      [c.workphone, c.mobilephone, c.homephone].map((p) => p ?? ''),
    ),
  ],
  facets: [
    { id: 'status', label: r2LabelOf('customerstatus'), value: (r) => r.customerstatus ?? '' },
    { id: 'category', label: r2LabelOf('category'), value: (r) => r.category ?? '' },
    { id: 'phase', label: r2LabelOf('phase'), value: (r) => r.phase ?? '' },
  ],
};

export const r2Descriptor: ConnectorDescriptor<R2CustomerRecord> = {
  kind: 'r2',
  capabilities: {
    updatedSince: true,
    listingIsComplete: false,
    summariesInList: true,
    offlineScopes: ['all', 'mine', 'opened'],
  },
  rateLimit: { parallelPushes: 4 },
  shape: r2Shape,
  recordSchema: r2RecordSchema,
  listColumns: r2ListColumns,
  listSearch: r2ListSearch,
  editor: r2EditorSections,
  // What changes for a group of customers together: classification, status, phase, owner.
  bulkEditable: ['category', 'customerstatus', 'phase', 'salespersonid'],
  wording: {
    apiName,
    duplicateName: (name) => `A customer “${name}” already exists in ${apiName}.`,
    deletedOnServer:
      'Someone deleted this customer in Unibiz R2. Create it again with your changes, or discard them.',
  },
  naturalKey(record) {
    const key = r2NaturalKey(record);
    return 'customerid' in key ? `customerid:${key.customerid}` : `companyname:${key.companyname}`;
  },
  displayName: (record) => record.companyname.trim() || 'Unnamed customer',
  duplicateFields: (r) => ({
    name: r.companyname ?? '',
    customerNumber: r.customerid ?? '',
    phones: r2ListSearch.phones(r),
    emails: (r.contacts ?? []).map((contact) => contact.emailaddr ?? ''),
    websites: [r.web ?? ''],
    addressLine: r.address?.addressline ?? '',
    city: r.address?.city ?? '',
  }),
  prepareForStore: (record) => withContactIdentities(record),
  // "Created in R2" explicitly: R2 lists only "Created in R2" / "Synchronized with R2" customers,
  // so a server default of "Created in CRM" would hide our own customers.
  // "Empty" is absence in an R2 record (see ./api/mapping.ts): a cleared input is no field.
  normalizeDraft: (record) => withoutEmptyMembers(record),
  emptyRecord: () => ({ companyname: '', synchronizer2: 'Created in R2', contacts: [] }),
  validate: (record) => validateWith(r2Shape, r2RecordSchema, record),
  resolve: (result, choices) => resolveR2(result, choices),
  itemRenames: r2ItemRenames,
  summaryOf: r2SummaryOf,
  forRecreate: (record) => r2ForRecreate(record),
  contactCards: (record) => r2ContactCards(record),
};
