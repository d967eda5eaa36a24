// A customer known only from the list becomes a record the record schema accepts, with nothing
// the list cannot vouch for.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { r2Record } from '../../../sync/test-support/r2-arbitraries';
import { propertyParams } from '../../../sync/test-support/fc-params';
import { r2ListRowSchema, type R2ListRow } from './list-row';
import { r2RecordSchema } from './record';
import { seedListRow } from './seed-samples';
import {
  r2CustomerSummariesFromRows,
  r2CustomerSummaryFromRecord,
  r2ListRowsFromSummary,
} from './summaries';
import { r2RecordFromSummary } from './summary-record';

const row = (patch: Partial<R2ListRow>): R2ListRow =>
  r2ListRowSchema.parse({ ...seedListRow, ...patch });

const recordOf = (rows: R2ListRow[]) => r2CustomerSummariesFromRows(rows).map(r2RecordFromSummary);

describe('r2RecordFromSummary', () => {
  test('the seed row: the customer columns the record has, its address and contact', () => {
    const [record] = recordOf([row({})]);
    expect(record).toEqual({
      recordid: 'R-1',
      customerid: seedListRow.customerid,
      category: seedListRow.category,
      companyname: 'Acme Rentals',
      customertype: seedListRow.customertype,
      customerstatus: seedListRow.customerstatus,
      createdbyid: seedListRow.createdbyid,
      createdbyname: seedListRow.createdbyname,
      createddate: '2024-01-15T09:00',
      updatedbyid: seedListRow.updatedbyid,
      updatedbyname: seedListRow.updatedbyname,
      updateddate: '2024-03-01T08:15',
      address: {
        addressline: '10 Main St',
        city: 'Springfield',
        state: 'IL',
        zip: '62701',
        country: 'USA',
      },
      contacts: [expect.objectContaining({ recordid: 'C-100', emailaddr: 'jane@acme.example' })],
    });
    expect(r2RecordSchema.safeParse(record).success).toBe(true);
  });

  test('list-only columns are left out: they have no certain place in the by-ID record', () => {
    const [record] = recordOf([row({})]);
    for (const listOnly of ['salespersonname', 'corporatememberof', 'subregionid']) {
      expect(record).not.toHaveProperty(listOnly);
    }
    const [contact] = record?.contacts ?? [];
    for (const listOnly of ['phonenumber', 'paymenttermsid', 'isprimarycontact']) {
      expect(contact).not.toHaveProperty(listOnly);
    }
  });

  test('a customer without contacts has an empty contact list; an empty address is absent', () => {
    const [record] = recordOf([
      row({
        contactrecordid: null,
        customeraddressline: null,
        customercity: null,
        customerstate: null,
        customerzip: null,
        customercountry: null,
      }),
    ]);
    expect(record?.contacts).toEqual([]);
    expect(record).not.toHaveProperty('address');
  });

  test('a summary without a company name is stored, and the schema says what is missing', () => {
    const [record] = recordOf([row({ companyname: null })]);
    expect(record?.companyname).toBe('');
    const parsed = r2RecordSchema.safeParse(record);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)).toEqual([
      'Company name is required',
    ]);
  });

  test('for generated records, the summary of its list rows is a valid record', () => {
    fc.assert(
      fc.property(r2Record, (full) => {
        const summary = r2CustomerSummaryFromRecord({ ...full, recordid: full.recordid ?? 'R-9' });
        const [record] = recordOf(r2ListRowsFromSummary(summary));
        expect(r2RecordSchema.safeParse(record).success).toBe(true);
        const contactIds = (full.contacts ?? []).map((contact) => contact.recordid);
        expect(record?.contacts?.map((contact) => contact.recordid)).toEqual(contactIds);
      }),
      propertyParams(200),
    );
  });
});
