// The seed's R2 customer rules: the sample payloads parse; enums, date-times, booleans, numbers and
// the required company name are enforced on writes, with the path and message the editor shows.
import { describe, expect, test } from 'vitest';
import { formatIssuePath } from '../../../api/messages';
import { r2CustomerPatchSchema, r2CustomerSchema, r2CustomerWriteSchema } from './customer';
import {
  r2Billable,
  r2Categories,
  r2CustomerStatuses,
  r2CustomerTypes,
  r2DefaultPayAt,
  r2Phases,
  r2Synchronizer2,
  r2Types,
} from './enums';
import { r2ListRowSchema } from './list-row';
import { seedContact, seedCustomer, seedListRow } from './seed-samples';

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => [formatIssuePath(issue.path), issue.message]);

describe('the seed samples parse', () => {
  test('GET by ID response', () => {
    expect(r2CustomerSchema.parse(seedCustomer)).toEqual(seedCustomer);
  });
  test('GET list row', () => {
    expect(r2ListRowSchema.parse(seedListRow)).toEqual(seedListRow);
  });
  test('POST/PUT body: the same shape without the audit fields, which a write drops', () => {
    const written = r2CustomerWriteSchema.parse(seedCustomer);
    for (const key of ['createdbyid', 'createddate', 'updatedbyname', 'updateddate']) {
      expect(written).not.toHaveProperty(key);
      expect(written.contacts?.[0]).not.toHaveProperty(key);
    }
    expect(written).toMatchObject({ companyname: 'Acme Rentals', synchronizer2: 'Created in R2' });
  });
  test('a list row of a customer without contacts has empty contact columns', () => {
    const row = {
      recordid: 'R-2',
      companyname: 'Solo',
      contactrecordid: null,
      isfirstcontact: null,
    };
    expect(r2ListRowSchema.safeParse(row).success).toBe(true);
  });
});

const enumRows: [field: string, label: string, values: readonly string[]][] = [
  ['type', 'Type', r2Types],
  ['category', 'Category', r2Categories],
  ['customertype', 'Customer type', r2CustomerTypes],
  ['customerstatus', 'Customer status', r2CustomerStatuses],
  ['phase', 'Phase', r2Phases],
  ['defaultpayat', 'Default pay at', r2DefaultPayAt],
  ['billable', 'Billable', r2Billable],
  ['synchronizer2', 'Synchronize R2', r2Synchronizer2],
];

const base = { companyname: 'Acme Rentals' };

describe.each(enumRows)('enum %s', (field, label, values) => {
  test.each(values.map((value) => [value]))('accepts %s', (value) => {
    expect(issuesOf(r2CustomerWriteSchema.safeParse({ ...base, [field]: value }))).toEqual([]);
  });
  test('rejects a value outside the list, naming the options', () => {
    expect(issuesOf(r2CustomerWriteSchema.safeParse({ ...base, [field]: 'Bogus' }))).toEqual([
      [field, `${label} must be one of: ${values.join(', ')}`],
    ]);
  });
});

test('synchronizer2 has exactly the three values the seed states', () => {
  expect([...r2Synchronizer2]).toEqual(['Created in R2', 'Synchronized with R2', 'Created in CRM']);
});

type Row = { rule: string; patch: Record<string, unknown>; path?: string; message?: string };
const writeRows: Row[] = [
  { rule: 'companyname present', patch: { companyname: 'X' } },
  {
    rule: 'companyname missing',
    patch: { companyname: undefined },
    path: 'companyname',
    message: 'Company name is required',
  },
  {
    rule: 'companyname blank',
    patch: { companyname: '  ' },
    path: 'companyname',
    message: 'Company name is required',
  },
  { rule: 'insuranceexpdate MM/dd/yyyy HH:mm', patch: { insuranceexpdate: '06/30/2025 12:00' } },
  {
    rule: 'insuranceexpdate ISO is not the wire format',
    patch: { insuranceexpdate: '2025-06-30T12:00' },
    path: 'insuranceexpdate',
    message: 'Use the date and time format MM/dd/yyyy HH:mm',
  },
  { rule: 'creditlimit 0', patch: { creditlimit: 0 } },
  { rule: 'creditlimit 2500.5', patch: { creditlimit: 2500.5 } },
  {
    rule: 'creditlimit negative',
    patch: { creditlimit: -1 },
    path: 'creditlimit',
    message: 'Credit limit cannot be negative',
  },
  {
    rule: 'creditlimit as text',
    patch: { creditlimit: '10' },
    path: 'creditlimit',
    message: 'Credit limit must be a number',
  },
  {
    rule: 'insuranceamount negative',
    patch: { insuranceamount: -0.01 },
    path: 'insuranceamount',
    message: 'Insurance amount cannot be negative',
  },
  {
    rule: 'deductibleamount negative',
    patch: { deductibleamount: -5 },
    path: 'deductibleamount',
    message: 'Deductible amount cannot be negative',
  },
  {
    rule: 'burdenpct negative',
    patch: { burdenpct: -1 },
    path: 'burdenpct',
    message: 'Burden % cannot be negative',
  },
  { rule: 'glaccount whole', patch: { glaccount: 4000 } },
  {
    rule: 'glaccount fraction',
    patch: { glaccount: 1.5 },
    path: 'glaccount',
    message: 'GL account must be a whole number',
  },
  { rule: 'applytax boolean', patch: { applytax: false } },
  {
    rule: 'applytax as text',
    patch: { applytax: 'yes' },
    path: 'applytax',
    message: 'Apply tax must be yes or no',
  },
  {
    rule: 'porequired as text',
    patch: { porequired: 'true' },
    path: 'porequired',
    message: 'PO required must be yes or no',
  },
  { rule: 'null clears a field', patch: { web: null, creditlimit: null, phase: null } },
  {
    rule: 'contact email valid',
    patch: { contacts: [{ firstname: 'A', emailaddr: 'a@b.example' }] },
  },
  { rule: 'contact email blank', patch: { contacts: [{ firstname: 'A', emailaddr: '' }] } },
  {
    rule: 'contact email invalid',
    patch: { contacts: [{ firstname: 'A' }, { emailaddr: 'not-an-email' }] },
    path: 'contacts[1].emailaddr',
    message: 'Enter a valid email address',
  },
  {
    rule: 'contact primary flag as text',
    patch: { contacts: [{ isprimarycontact: 'yes' }] },
    path: 'contacts[0].isprimarycontact',
    message: 'Primary contact must be yes or no',
  },
  { rule: 'udf caption/value', patch: { udfs: [{ caption: 'Region', value: 'North' }] } },
];

describe.each(writeRows)('write: $rule', ({ patch, path, message }) => {
  test(path ? `fails at ${path}` : 'passes', () => {
    const issues = issuesOf(r2CustomerWriteSchema.safeParse({ ...base, ...patch }));
    expect(issues).toEqual(path ? [[path, message]] : []);
  });
});

describe('PATCH body: any subset; contacts partial, matched by recordid', () => {
  test('an empty patch and a one-field patch are valid', () => {
    expect(r2CustomerPatchSchema.parse({})).toEqual({});
    expect(r2CustomerPatchSchema.parse({ phase: 'Prospect' })).toEqual({ phase: 'Prospect' });
  });
  test('a contact item may carry just its recordid and the changed field; one without is new', () => {
    const patch = { contacts: [{ recordid: 'C-100', mobilephone: '555' }, { firstname: 'New' }] };
    expect(r2CustomerPatchSchema.parse(patch)).toEqual(patch);
  });
  test('the rules still apply to the fields present', () => {
    expect(issuesOf(r2CustomerPatchSchema.safeParse({ companyname: '' }))).toEqual([
      ['companyname', 'Company name is required'],
    ]);
    expect(issuesOf(r2CustomerPatchSchema.safeParse({ contacts: [{ emailaddr: 'x@' }] }))).toEqual([
      ['contacts[0].emailaddr', 'Enter a valid email address'],
    ]);
  });
  test('audit fields are never part of a patch', () => {
    expect(r2CustomerPatchSchema.parse({ updateddate: '03/01/2024 08:15', web: 'x' })).toEqual({
      web: 'x',
    });
  });
});

test('reading tolerates nulls the server sends for empty fields', () => {
  const sparse = {
    ...seedCustomer,
    phase: null,
    web: null,
    contacts: [{ ...seedContact, emailaddr: null }],
  };
  expect(r2CustomerSchema.safeParse(sparse).success).toBe(true);
});
