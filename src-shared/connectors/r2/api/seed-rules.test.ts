// Seed rules not covered by customer.test.ts: the date-time format at every date column (list row
// and contacts), the list's boolean `isfirstcontact`, the udf {caption, value} typing, and which
// `synchronizer2` values the list endpoint shows.
import { describe, expect, test } from 'vitest';
import { formatIssuePath } from '../../../api/messages';
import { r2CustomerSchema, r2CustomerWriteSchema } from './customer';
import { r2ListedSynchronizer2, r2Synchronizer2 } from './enums';
import { r2ListRowSchema } from './list-row';
import { seedContact, seedCustomer, seedListRow } from './seed-samples';

type Issues = { error?: { issues: { path: PropertyKey[]; message: string }[] } };
const issuesOf = (result: Issues) =>
  (result.error?.issues ?? []).map((issue) => [formatIssuePath(issue.path), issue.message]);

const dateMessage = 'Use the date and time format MM/dd/yyyy HH:mm';
const badDates = ['2024-03-01T08:15', '02/30/2024 10:00', '03/01/2024', '3/1/2024 08:15', 20240301];

describe('date-time columns: Format = MM/dd/yyyy HH:mm', () => {
  test.each(badDates)('list row createddate %j is refused', (value) => {
    expect(issuesOf(r2ListRowSchema.safeParse({ ...seedListRow, createddate: value }))).toEqual([
      ['createddate', dateMessage],
    ]);
  });
  test.each(badDates)('list row contactupdateddate %j is refused', (value) => {
    const row = { ...seedListRow, contactupdateddate: value };
    expect(issuesOf(r2ListRowSchema.safeParse(row))).toEqual([['contactupdateddate', dateMessage]]);
  });
  test.each(badDates)('by-ID contacts[0].createddate %j is refused', (value) => {
    const customer = { ...seedCustomer, contacts: [{ ...seedContact, createddate: value }] };
    expect(issuesOf(r2CustomerSchema.safeParse(customer))).toEqual([
      ['contacts[0].createddate', dateMessage],
    ]);
  });
  test('the seed values themselves pass', () => {
    expect(r2ListRowSchema.safeParse(seedListRow).success).toBe(true);
    expect(r2CustomerSchema.safeParse(seedCustomer).success).toBe(true);
  });
});

describe('isfirstcontact (boolean)', () => {
  test.each([true, false, null])('%j is accepted', (value) => {
    expect(r2ListRowSchema.safeParse({ ...seedListRow, isfirstcontact: value }).success).toBe(true);
  });
  test.each(['yes', 'true', 1])('%j is refused', (value) => {
    const parsed = r2ListRowSchema.safeParse({ ...seedListRow, isfirstcontact: value });
    expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['isfirstcontact']]);
  });
});

const base = { companyname: 'Acme Rentals' };
type UdfRow = { rule: string; udfs: unknown; issues: [string, string][] };
const udfRows: UdfRow[] = [
  { rule: 'caption and text value', udfs: [{ caption: 'Region', value: 'North' }], issues: [] },
  {
    rule: 'value null or absent',
    udfs: [{ caption: 'Region', value: null }, { caption: 'Tier' }],
    issues: [],
  },
  {
    rule: 'caption as a number',
    udfs: [{ caption: 7, value: 'North' }],
    issues: [['udfs[0].caption', 'Custom field name must be text']],
  },
  {
    rule: 'caption missing',
    udfs: [{ value: 'North' }],
    issues: [['udfs[0].caption', 'Custom field name must be text']],
  },
  {
    rule: 'value as a number',
    udfs: [{ caption: 'Seats', value: 12 }],
    issues: [['udfs[0].value', 'Custom field value must be text']],
  },
  {
    rule: 'an item that is not a {caption, value} object',
    udfs: ['Region'],
    issues: [
      ['udfs[0]', 'A custom field could not be read; open the customer again and re-enter it'],
    ],
  },
  {
    rule: 'udfs not a list',
    udfs: 'Region=North',
    issues: [
      ['udfs', 'The custom fields could not be read; open the customer again and re-enter it'],
    ],
  },
];

describe.each(udfRows)('udfs: $rule', ({ udfs, issues }) => {
  test('customer', () => {
    expect(issuesOf(r2CustomerWriteSchema.safeParse({ ...base, udfs }))).toEqual(issues);
  });
  test('contact', () => {
    const parsed = r2CustomerWriteSchema.safeParse({
      ...base,
      contacts: [{ firstname: 'A', udfs }],
    });
    expect(issuesOf(parsed)).toEqual(
      issues.map(([path, message]) => [`contacts[0].${path}`, message]),
    );
  });
});

test('the list endpoint shows only "Created in R2" and "Synchronized with R2"', () => {
  expect([...r2ListedSynchronizer2]).toEqual(['Created in R2', 'Synchronized with R2']);
  expect(r2ListedSynchronizer2.every((value) => r2Synchronizer2.includes(value))).toBe(true);
  expect(r2ListedSynchronizer2).not.toContain('Created in CRM');
});
