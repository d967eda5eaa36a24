// The local Revnue record's messages for values only a damaged form or store produces (a list
// that is not a list, a server id of 0): plain words with the field's path, never zod's defaults.
import { describe, expect, test } from 'vitest';
import { formatIssuePath } from '../../../api/messages';
import { revnueRecordSchema } from './body';

const base = { company: 1, name: 'Acme GmbH' };
const unreadable = (what: string) =>
  `${what} could not be read; open the customer again and re-enter it`;

type Row = { rule: string; patch: Record<string, unknown>; issues: [string, string][] };
const rows: Row[] = [
  {
    rule: 'server id 0',
    patch: { id: 0 },
    issues: [['id', 'This customer was not stored properly; reload it from Revnue']],
  },
  {
    rule: 'server id as text',
    patch: { id: '42' },
    issues: [['id', 'This customer was not stored properly; reload it from Revnue']],
  },
  {
    rule: 'contact person not a block',
    patch: { contact_person: 'Jane' },
    issues: [['contact_person', unreadable('The contact person')]],
  },
  {
    rule: 'template not a block',
    patch: { template: 'Key account' },
    issues: [['template', unreadable('The custom fields')]],
  },
  {
    rule: 'custom fields not a list',
    patch: { template: { id: 5, fields: 'x' } },
    issues: [['template.fields', unreadable('The custom fields')]],
  },
  {
    rule: 'a custom field not a {id, value} block',
    patch: { template: { id: 5, fields: ['x'] } },
    issues: [['template.fields[0]', unreadable('A custom field')]],
  },
  {
    rule: 'a custom field value that is neither number nor text',
    patch: { template: { id: 5, fields: [{ id: 7, value: true }] } },
    issues: [['template.fields[0].value', unreadable('A custom field value')]],
  },
  {
    rule: 'a custom field id that is not one',
    patch: { template: { id: 5, fields: [{ id: 'budget', value: '1' }] } },
    issues: [['template.fields[0].id', 'Choose the custom field from the list']],
  },
  {
    rule: 'a template id that is not one',
    patch: { template: { id: 'Key account', fields: [] } },
    issues: [['template.id', 'Choose a custom field template from the list']],
  },
  {
    rule: 'a template id as true',
    patch: { template: { id: true, fields: [] } },
    issues: [['template.id', 'Choose a custom field template from the list']],
  },
  {
    rule: 'contact type by its wire value',
    patch: {
      contact_person: { name: 'Jane', email: 'jane@acme.example', type: 'account_management' },
    },
    issues: [],
  },
  {
    rule: 'contact type by its label (the wire value is what counts)',
    patch: { contact_person: { name: 'Jane', email: 'jane@acme.example', type: 'Billing' } },
    issues: [
      [
        'contact_person.type',
        'Contact type must be Account management, Billing, Executive, Sales, Support or Technical',
      ],
    ],
  },
  {
    rule: 'a date as a number names the field',
    patch: { msa_signed_date: 20250630 },
    issues: [['msa_signed_date', 'MSA signed date: enter a date like 2025-06-30']],
  },
];

describe.each(rows)('record: $rule', ({ patch, issues }) => {
  test(issues.length > 0 ? `fails at ${issues[0]![0]}` : 'passes', () => {
    const parsed = revnueRecordSchema.safeParse({ ...base, ...patch });
    const found = (parsed.error?.issues ?? []).map((issue) => [
      formatIssuePath(issue.path),
      issue.message,
    ]);
    expect(found).toEqual(issues);
  });
});
