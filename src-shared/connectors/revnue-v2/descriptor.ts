// The Revnue API v2 connector as data (docs/architecture.md#revnue-api-v2): no PATCH (an update is
// a PUT of the whole merged record), one complete unpaged list per company, custom fields typed by
// their template.
import { revnueNaturalKey, revnueRecordSchema, type RevnueCustomerRecord } from './api';
import type { Connection } from '../../connection';
import { resolveRevnue, revnueShape } from '../../sync/connectors';
import { validateWith } from '../../sync/validate';
import type { ConnectorDescriptor, ListColumn, ListSearch } from '../descriptor';
import { revnueEditorSections, revnueFieldLabels as label } from './editor';
import { revnueLookup, revnueNameOf, revnueRecordSchemaWith } from './lookups';
import { revnueContactCards } from './contact-cards';

const apiName = 'Revnue API v2';

const revnueListColumns: readonly ListColumn<RevnueCustomerRecord>[] = [
  { id: 'name', label: label.name, value: (r) => r.name },
  { id: 'city', label: label.city, value: (r) => r.city },
  {
    id: 'country',
    label: label.country,
    value: (r, lookups) => revnueNameOf(lookups, 'countries', r.country),
  },
  {
    id: 'category',
    label: label.category,
    value: (r, lookups) => revnueNameOf(lookups, 'categories', r.category),
  },
  { id: 'contact', label: 'Contact', value: (r) => r.contact_person?.name ?? '' },
  { id: 'email', label: 'Email', value: (r) => r.contact_person?.email ?? '' },
  { id: 'phone', label: label.phone, value: (r) => r.phone },
];

const revnueListSearch: ListSearch<RevnueCustomerRecord> = {
  text: (r, lookups) => [
    r.name,
    r.id === undefined ? '' : String(r.id),
    r.city,
    revnueNameOf(lookups, 'countries', r.country),
    r.contact_person?.name ?? '',
    r.contact_person?.email ?? '',
  ],
  phones: (r) => [r.phone, r.mobile, r.fax],
  facets: [
    {
      id: 'category',
      label: label.category,
      value: (r, lookups) => revnueNameOf(lookups, 'categories', r.category),
    },
  ],
};

/** A blank customer: every field present and empty, so the editor binds to each of them. */
function emptyRevnueRecord(connection?: Connection): RevnueCustomerRecord {
  // A connection of another kind has no company; 1 is the seed's single-company default.
  const company = connection && 'company' in connection ? connection.company : 1;
  // The schema fills every optional field with its empty value; the name is what it requires.
  return { ...revnueRecordSchema.parse({ company, name: 'placeholder' }), name: '' };
}

export const revnueDescriptor: ConnectorDescriptor<RevnueCustomerRecord> = {
  kind: 'revnue-v2',
  capabilities: {
    updatedSince: false,
    listingIsComplete: true,
    summariesInList: false,
    offlineScopes: ['all'],
  },
  rateLimit: { parallelPushes: 2 },
  shape: revnueShape,
  recordSchema: revnueRecordSchema,
  listColumns: revnueListColumns,
  listSearch: revnueListSearch,
  editor: revnueEditorSections,
  // Lookups a salesperson often sets for a whole region or segment at once.
  bulkEditable: ['category', 'country'],
  wording: {
    apiName,
    duplicateName: (name) => `A customer named “${name}” already exists in Revnue.`,
    deletedOnServer:
      'Someone deleted this customer in Revnue. Create it again with your changes, or discard them.',
  },
  naturalKey: (record) => revnueNaturalKey(record),
  displayName: (record) => record.name.trim() || 'Unnamed customer',
  // Revnue has no customer number of its own: its id is the server's, never typed.
  duplicateFields: (r) => ({
    name: r.name ?? '',
    customerNumber: '',
    phones: [r.phone, r.mobile, r.fax].map((phone) => phone ?? ''),
    emails: [r.contact_person?.email ?? ''],
    websites: [r.website ?? ''],
    addressLine: r.address_line_1 ?? '',
    city: r.city ?? '',
  }),
  // Revnue records hold no list items that need a client identity.
  prepareForStore: (record) => record,
  emptyRecord: emptyRevnueRecord,
  normalizeDraft(record, lookups) {
    // The schema's output IS the canonical record (digits → ids, '' dates → null, an empty
    // contact person → null, money spelled "1200.00"); a draft it refuses stays as typed.
    const parsed = revnueRecordSchemaWith(lookups).safeParse(record);
    return parsed.success ? parsed.data : record;
  },
  validate: (record, lookups) => validateWith(revnueShape, revnueRecordSchemaWith(lookups), record),
  resolve: (result, choices, lookups) =>
    resolveRevnue(result, choices, revnueLookup(lookups, 'templates')),
  itemRenames: () => [],
  // The list is complete and carries every field: a pulled record IS the full record.
  summaryOf: (record) => record,
  forRecreate: ({ id: _deleted, ...record }) => record,
  contactCards: revnueContactCards,
};
