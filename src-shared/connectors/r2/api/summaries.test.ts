// List rows (customer × contact) folded into one summary per customer for the pull, and back.
import { describe, expect, test } from 'vitest';
import { r2CustomerSchema } from './customer';
import { r2ListRowSchema, type R2ListRow } from './list-row';
import { r2RecordFromWire } from './mapping';
import {
  r2CustomerSummariesFromRows,
  r2CustomerSummaryFromRecord,
  r2ListRowsFromSummary,
} from './summaries';
import { seedCustomer, seedListRow } from './seed-samples';

const row = (patch: Partial<R2ListRow>): R2ListRow =>
  r2ListRowSchema.parse({ ...seedListRow, ...patch });

describe('r2CustomerSummariesFromRows', () => {
  test('maps the seed row: record names, nested address, ISO dates', () => {
    const [summary] = r2CustomerSummariesFromRows([row({})]);
    expect(summary).toMatchObject({
      recordid: 'R-1',
      companyname: 'Acme Rentals',
      salespersonname: 'Sam Seller',
      address: {
        addressline: '10 Main St',
        city: 'Springfield',
        state: 'IL',
        zip: '62701',
        country: 'USA',
      },
      updateddate: '2024-03-01T08:15',
      contacts: [
        {
          recordid: 'C-100',
          emailaddr: 'jane@acme.example',
          pager: '555-0104',
          isprimarycontact: true,
          address: { addressline: '1 Main St' },
          updateddate: '2024-02-29T17:05',
        },
      ],
    });
  });

  test('gathers the contacts of one customer across rows (and pages), each once', () => {
    const rows = [
      row({ contactrecordid: 'C-1', firstname: 'A' }),
      row({ recordid: 'R-2', companyname: 'Beta', contactrecordid: null }),
      row({ contactrecordid: 'C-2', firstname: 'B' }),
      row({ contactrecordid: 'C-1', firstname: 'A' }),
    ];
    const summaries = r2CustomerSummariesFromRows(rows);
    expect(summaries.map((summary) => summary.recordid)).toEqual(['R-1', 'R-2']);
    expect(summaries[0]?.contacts.map((contact) => contact.recordid)).toEqual(['C-1', 'C-2']);
    expect(summaries[1]?.contacts).toEqual([]);
  });

  test('when rows of one customer disagree, the newest customer columns win', () => {
    const rows = [
      row({ contactrecordid: 'C-1', companyname: 'Old', updateddate: '03/01/2024 08:15' }),
      row({ contactrecordid: 'C-2', companyname: 'New', updateddate: '03/02/2024 08:15' }),
      row({ contactrecordid: 'C-3', companyname: 'Old', updateddate: '03/01/2024 08:15' }),
    ];
    const [summary] = r2CustomerSummariesFromRows(rows);
    expect(summary?.companyname).toBe('New');
    expect(summary?.contacts).toHaveLength(3);
  });

  test('rows → summaries → rows is the identity', () => {
    const rows = [
      row({ contactrecordid: 'C-1', firstname: 'A' }),
      row({ contactrecordid: 'C-2', firstname: 'B', isfirstcontact: false, emailaddress: null }),
      r2ListRowSchema.parse({
        recordid: 'R-9',
        companyname: 'Solo',
        createddate: '05/05/2024 05:05',
      }),
    ];
    expect(r2CustomerSummariesFromRows(rows).flatMap(r2ListRowsFromSummary)).toEqual(
      rows.map((original) =>
        Object.fromEntries(
          Object.entries(original).filter(([, value]) => value !== null && value !== undefined),
        ),
      ),
    );
  });
});

describe('r2CustomerSummaryFromRecord (what the sandbox lists)', () => {
  test('a record listed and read back gives the same summary', () => {
    const record = { ...r2RecordFromWire(r2CustomerSchema.parse(seedCustomer)), recordid: 'R-1' };
    const summary = r2CustomerSummaryFromRecord(record, { salespersonname: 'Sam Seller' });
    expect(summary).toMatchObject({
      recordid: 'R-1',
      salespersonname: 'Sam Seller',
      contacts: [{ recordid: 'C-100', emailaddr: 'jane@acme.example', paymenttermsid: 'NET30' }],
    });
    const rows = r2ListRowsFromSummary(summary).map((listed) => r2ListRowSchema.parse(listed));
    expect(r2CustomerSummariesFromRows(rows)).toEqual([summary]);
  });

  test('contacts not yet on the server (no recordid) are not listed', () => {
    const summary = r2CustomerSummaryFromRecord({
      recordid: 'R-3',
      companyname: 'C',
      contacts: [{ localKey: 'k', firstname: 'Pending' }],
    });
    expect(summary.contacts).toEqual([]);
    expect(r2ListRowsFromSummary(summary)).toEqual([{ recordid: 'R-3', companyname: 'C' }]);
  });
});
