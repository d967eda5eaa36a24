// Small connector descriptors for the store's tests, built from the sync core's shapes and the
// record schemas. Stand-ins until src-shared/connectors has the real ones: swap them in here.
import type {
  ConnectorDescriptor,
  ConnectorLookups,
  PathRename,
} from '../../../../src-shared/connectors/descriptor';
import {
  r2RecordSchema,
  withContactIdentities,
  type R2CustomerRecord,
} from '../../../../src-shared/api/r2';
import {
  revnueRecordSchema,
  type RevnueCustomerRecord,
  type RevnueCustomFieldTemplate,
} from '../../../../src-shared/api/revnue-v2';
import { normalizeCustomerName } from '../../../../src-shared/api/names';
import { r2Shape, resolveR2, resolveRevnue, revnueShape } from '../../../../src-shared/sync';
import { validateWith } from '../../../../src-shared/sync/validate';

const wording = (apiName: string) => ({
  apiName,
  duplicateName: (name: string) => `A customer named “${name}” already exists in ${apiName}.`,
  deletedOnServer: `This customer was deleted in ${apiName}.`,
});

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined),
  ) as T;
}

export const r2TestDescriptor: ConnectorDescriptor<R2CustomerRecord> = {
  kind: 'r2',
  label: 'Unibiz R2 (test)',
  capabilities: {
    patch: true,
    paging: true,
    updatedSince: true,
    listingIsComplete: false,
    summariesInList: true,
    offlineScopes: ['all', 'mine', 'opened'],
  },
  rateLimit: { perMinute: 600, parallelPushes: 4 },
  shape: r2Shape,
  recordSchema: r2RecordSchema,
  listColumns: [{ id: 'companyname', label: 'Company', value: (record) => record.companyname }],
  editor: [],
  wording: wording('Unibiz R2'),
  naturalKey: (record) => record.customerid?.trim() || normalizeCustomerName(record.companyname),
  displayName: (record) => record.companyname,
  prepareForStore: (record) => withContactIdentities(record),
  emptyRecord: () => ({ companyname: '' }),
  validate: (record) => validateWith(r2Shape, r2RecordSchema, record),
  resolve: (result, choices) => resolveR2(result, choices),
  /** The server answers the contacts in the order they were sent (good enough for tests). */
  itemRenames(sent, created): PathRename[] {
    const renames: PathRename[] = [];
    (sent.contacts ?? []).forEach((contact, index) => {
      const answered = created.contacts?.[index];
      if (contact.recordid === undefined && contact.localKey && answered?.recordid) {
        renames.push({
          from: `contacts[localKey=${contact.localKey}]`,
          to: `contacts[recordid=${answered.recordid}]`,
        });
      }
    });
    return renames;
  },
  /** The list's columns: no phone, no udfs, contacts by name and email only. */
  summaryOf: (record) =>
    withoutUndefined({
      recordid: record.recordid,
      companyname: record.companyname,
      customerid: record.customerid,
      customerstatus: record.customerstatus,
      address: record.address,
      contacts: record.contacts?.map((contact) =>
        withoutUndefined({
          recordid: contact.recordid,
          firstname: contact.firstname,
          lastname: contact.lastname,
          emailaddr: contact.emailaddr,
        }),
      ),
    }),
  forRecreate: ({ recordid: _recordid, ...record }) => ({
    ...record,
    contacts: record.contacts?.map(({ recordid: _contactId, ...contact }) => contact),
  }),
};

export const revnueTestDescriptor: ConnectorDescriptor<RevnueCustomerRecord> = {
  kind: 'revnue-v2',
  label: 'Revnue API v2 (test)',
  capabilities: {
    patch: false,
    paging: false,
    updatedSince: false,
    listingIsComplete: true,
    summariesInList: false,
    offlineScopes: ['all'],
  },
  rateLimit: { perMinute: 40, parallelPushes: 2 },
  shape: revnueShape,
  recordSchema: revnueRecordSchema,
  listColumns: [{ id: 'name', label: 'Name', value: (record) => record.name }],
  editor: [],
  wording: wording('Revnue'),
  naturalKey: (record) => normalizeCustomerName(record.name),
  displayName: (record) => record.name,
  prepareForStore: (record) => record,
  emptyRecord: () => revnueRecordSchema.parse({ company: 1, name: 'New customer' }),
  validate: (record) => validateWith(revnueShape, revnueRecordSchema, record),
  resolve: (result, choices, lookups: ConnectorLookups) =>
    resolveRevnue(
      result,
      choices,
      lookups['templates'] as readonly RevnueCustomFieldTemplate[] | undefined,
    ),
  itemRenames: () => [],
  summaryOf: (record) => record,
  forRecreate: ({ id: _id, ...record }) => record,
};
