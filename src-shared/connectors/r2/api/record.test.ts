// The local R2 record's own rules (beyond the write rules): every contact and every udf can be
// told apart — sync matches them by identity — and every message names the field in plain words.
import { describe, expect, test } from 'vitest';
import { formatIssuePath } from '../../../api/messages';
import { r2RecordSchema } from './record';

const issuesOf = (input: unknown) =>
  (r2RecordSchema.safeParse(input).error?.issues ?? []).map((issue) => [
    formatIssuePath(issue.path),
    issue.message,
  ]);

const base = { companyname: 'Acme Rentals' };
const notSaved = 'This contact has not been saved properly; add it again';
const unreadable = (what: string) =>
  `${what} could not be read; open the customer again and re-enter it`;

type Row = { rule: string; patch: Record<string, unknown>; issues: [string, string][] };
const rows: Row[] = [
  {
    rule: 'contacts with a recordid or a localKey',
    patch: { contacts: [{ recordid: 'C-1' }, { localKey: 'new-1', firstname: 'Bob' }] },
    issues: [],
  },
  {
    rule: 'a contact without recordid and localKey',
    patch: { contacts: [{ recordid: 'C-1' }, { firstname: 'Bob' }] },
    issues: [['contacts[1]', notSaved]],
  },
  {
    rule: 'two contacts with the same recordid',
    patch: { contacts: [{ recordid: 'C-1' }, { recordid: 'C-1', firstname: 'Bob' }] },
    issues: [['contacts[1]', notSaved]],
  },
  {
    rule: 'two contacts with the same localKey',
    patch: { contacts: [{ localKey: 'k' }, { localKey: 'k' }] },
    issues: [['contacts[1]', notSaved]],
  },
  {
    rule: 'a recordid and a localKey of the same text are different identities',
    patch: { contacts: [{ recordid: 'k' }, { localKey: 'k' }] },
    issues: [],
  },
  {
    rule: 'an empty localKey',
    patch: { contacts: [{ localKey: '' }] },
    issues: [['contacts[0].localKey', notSaved]],
  },
  {
    rule: 'an empty recordid',
    patch: { contacts: [{ recordid: '' }] },
    issues: [['contacts[0].recordid', notSaved]],
  },
  {
    rule: 'udf captions unique per list',
    patch: { udfs: [{ caption: 'Region' }, { caption: 'Tier' }] },
    issues: [],
  },
  {
    rule: 'a udf with an empty caption',
    patch: { udfs: [{ caption: '  ', value: 'North' }] },
    issues: [['udfs[0].caption', 'Custom field name is required']],
  },
  {
    rule: 'a udf without caption',
    patch: { udfs: [{ value: 'North' }] },
    issues: [['udfs[0].caption', 'Custom field name must be text']],
  },
  {
    rule: 'a repeated udf caption',
    patch: { udfs: [{ caption: 'Region' }, { caption: 'Region', value: 'x' }] },
    issues: [['udfs[1].caption', 'Each custom field may appear only once']],
  },
  {
    rule: 'a repeated udf caption in a contact',
    patch: {
      contacts: [{ recordid: 'C-1', udfs: [{ caption: 'Tier' }, { caption: 'Tier' }] }],
    },
    issues: [['contacts[0].udfs[1].caption', 'Each custom field may appear only once']],
  },
  {
    rule: 'the same caption in the customer and in a contact (different lists)',
    patch: {
      udfs: [{ caption: 'Tier' }],
      contacts: [{ recordid: 'C-1', udfs: [{ caption: 'Tier' }] }],
    },
    issues: [],
  },
  {
    rule: 'insuranceexpdate in the wire format',
    patch: { insuranceexpdate: '06/30/2025 12:00' },
    issues: [
      ['insuranceexpdate', 'Insurance expires: enter a date and time like 2025-06-30T14:30'],
    ],
  },
  {
    rule: 'a contact text field as a number',
    patch: { contacts: [{ recordid: 'C-1', workphone: 5 }] },
    issues: [['contacts[0].workphone', 'Work phone must be text']],
  },
  {
    rule: 'contacts not a list',
    patch: { contacts: 'Jane Doe' },
    issues: [['contacts', unreadable('The contacts')]],
  },
  {
    rule: 'a contact that is not a block',
    patch: { contacts: ['Jane Doe'] },
    issues: [['contacts[0]', unreadable('A contact')]],
  },
  {
    rule: 'udfs not a list',
    patch: { udfs: 'Region' },
    issues: [['udfs', unreadable('The custom fields')]],
  },
  {
    rule: 'an address that is not a block',
    patch: { shippingaddress: '1 Main St' },
    issues: [['shippingaddress', unreadable('The shipping address')]],
  },
  {
    rule: 'a recordid that is not text',
    patch: { recordid: 17 },
    issues: [['recordid', 'This customer was not stored properly; reload it from R2']],
  },
  {
    rule: 'an address field as a number',
    patch: { billingaddress: { city: 7 } },
    issues: [['billingaddress.city', 'City must be text']],
  },
];

describe.each(rows)('record: $rule', ({ patch, issues }) => {
  test(issues.length > 0 ? `fails at ${issues[0]![0]}` : 'passes', () => {
    expect(issuesOf({ ...base, ...patch })).toEqual(issues);
  });
});
