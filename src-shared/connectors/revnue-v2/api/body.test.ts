// Every rule of the seed's "Body Parameters" (Revnue's "Creates a customer"), one row each, with a
// passing and a failing example; failures assert the field path and the salesperson's message.
import { describe, expect, test } from 'vitest';
import { formatIssuePath } from '../../../api/messages';
import { revnueRecordSchema } from './body';
import { revnueContactTypes } from './contact-person';

const base = { company: 1, name: 'Acme GmbH' };

type Row = {
  rule: string;
  path: string;
  valid: unknown[];
  invalid: [value: unknown, message: string][];
};

/** Sets `path` (a.b) in a copy of base, merging into objects already there. */
function withValue(path: string, value: unknown, extra: Record<string, unknown> = {}) {
  const body: Record<string, unknown> = { ...base, ...extra };
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) body[head] = value;
  else body[head] = { ...(body[head] as object | undefined), [tail]: value };
  return body;
}

const chars = (n: number) => 'x'.repeat(n);
const textRule = (path: string, label: string, max: number): Row => ({
  rule: `${path}: Max characters = ${max}`,
  path,
  valid: ['', chars(max), `  ${chars(max)}  `],
  invalid: [
    [chars(max + 1), `${label} must be at most ${max} characters`],
    [42, `${label} must be text`],
  ],
});
const dateRule = (path: string, label: string): Row => ({
  rule: `${path}: Format = yyyy-MM-dd`,
  path,
  valid: ['2024-02-29', '1999-12-31', ''],
  invalid: [
    ['2023-02-29', `${label}: enter a date like 2025-06-30`],
    ['2024-13-01', `${label}: enter a date like 2025-06-30`],
    ['31.12.2024', `${label}: enter a date like 2025-06-30`],
    ['2024-1-5', `${label}: enter a date like 2025-06-30`],
    [20240229, `${label}: enter a date like 2025-06-30`],
  ],
});
const flagRule = (path: string, label: string): Row => ({
  rule: `${path}: Options: true | false`,
  path,
  valid: [true, false],
  invalid: [['yes', `${label} must be yes or no`]],
});

const rows: Row[] = [
  {
    rule: 'company (integer) [REQUIRED]',
    path: 'company',
    valid: [1, 7, '2'],
    invalid: [
      [undefined, 'Company is required'],
      ['', 'Company is required'],
      ['abc', 'Company must be a whole number'],
      [1.5, 'Company must be a whole number'],
      [true, 'Company must be a whole number'],
    ],
  },
  {
    rule: 'name (string) [REQUIRED] Max characters = 50',
    path: 'name',
    valid: ['A', chars(50)],
    invalid: [
      [undefined, 'Name is required'],
      ['', 'Name is required'],
      ['   ', 'Name is required'],
      [chars(51), 'Name must be at most 50 characters'],
    ],
  },
  {
    rule: 'category (integer): the ID of the category',
    path: 'category',
    valid: [3, '3', '', null],
    invalid: [['Retail', 'Choose a category from the list']],
  },
  {
    rule: 'contact_person.name Max characters = 50',
    path: 'contact_person.name',
    valid: [chars(50)],
    invalid: [[chars(51), 'Contact name must be at most 50 characters']],
  },
  {
    rule: 'contact_person.email Max characters = 254, a valid email',
    path: 'contact_person.email',
    valid: [`${'a'.repeat(242)}@example.com`, 'jane.doe+crm@example.co.uk'],
    invalid: [
      [`${'a'.repeat(243)}@example.com`, 'Email must be at most 254 characters'],
      ['jane@', 'Enter a valid email address'],
      ['jane example.com', 'Enter a valid email address'],
    ],
  },
  {
    rule: 'contact_person.type Options: account_management|billing|executive|sales|support|technical',
    path: 'contact_person.type',
    valid: [...revnueContactTypes, ''],
    invalid: [
      [
        'ceo',
        'Contact type must be Account management, Billing, Executive, Sales, Support or Technical',
      ],
      [
        7,
        'Contact type must be Account management, Billing, Executive, Sales, Support or Technical',
      ],
    ],
  },
  textRule('address_line_1', 'Address line 1', 50),
  textRule('address_line_2', 'Address line 2', 50),
  textRule('city', 'City', 50),
  textRule('state_province', 'State/province', 50),
  textRule('zip_postal_code', 'ZIP/postal code', 20),
  {
    rule: 'country (integer): the numeric code of the country (syntax shows a string)',
    path: 'country',
    valid: [276, '276', '', null],
    invalid: [
      ['Germany', 'Choose a country from the list'],
      [-4, 'Choose a country from the list'],
    ],
  },
  textRule('phone', 'Phone', 20),
  textRule('mobile', 'Mobile', 20),
  textRule('fax', 'Fax', 20),
  textRule('website', 'Website', 50),
  textRule('general_description', 'General description', 1000),
  flagRule('nda_signed', 'NDA signed'),
  dateRule('nda_signed_date', 'NDA signed date'),
  flagRule('msa_signed', 'MSA signed'),
  dateRule('msa_signed_date', 'MSA signed date'),
  textRule('supplementary_description', 'Supplementary description', 1000),
  textRule('additional_description', 'Additional description', 1000),
];

// The contact rows need the other half of the pair so the cross-field rule is satisfied.
const contactPair = (path: string) =>
  path === 'contact_person.name'
    ? { contact_person: { email: 'jane@example.com' } }
    : path === 'contact_person.email'
      ? { contact_person: { name: 'Jane' } }
      : {};

describe.each(rows)('$rule', ({ path, valid, invalid }) => {
  test.each(valid.map((value) => [value]))('accepts %j', (value) => {
    const result = revnueRecordSchema.safeParse(withValue(path, value, contactPair(path)));
    expect(result.error?.issues).toBeUndefined();
  });
  test.each(invalid)('rejects %j: %s', (value, message) => {
    const result = revnueRecordSchema.safeParse(withValue(path, value, contactPair(path)));
    const issues = (result.error?.issues ?? []).map((issue) => ({
      path: formatIssuePath(issue.path),
      message: issue.message,
    }));
    expect(issues).toEqual([{ path, message }]);
  });
});

describe('contact_person: name and email are each required if the other is defined', () => {
  const parse = (contact: unknown) =>
    revnueRecordSchema.safeParse({ ...base, contact_person: contact });

  test.each([
    [{ name: 'Jane', email: 'jane@example.com', type: 'sales' }],
    [{ name: '', email: '' }],
    [{ type: 'billing' }],
    [null],
    [undefined],
  ])('accepts %j', (contact) => {
    expect(parse(contact).success).toBe(true);
  });

  test.each([
    [
      { email: 'jane@example.com' },
      'contact_person.name',
      'Contact name is required when an email is given',
    ],
    [
      { name: 'Jane', email: '' },
      'contact_person.email',
      'Contact email is required when a name is given',
    ],
    [
      { name: 'Jane', type: 'sales' },
      'contact_person.email',
      'Contact email is required when a name is given',
    ],
  ])('rejects %j at %s', (contact, path, message) => {
    const issues = parse(contact).error?.issues ?? [];
    expect(issues.map((issue) => [formatIssuePath(issue.path), issue.message])).toEqual([
      [path, message],
    ]);
  });

  test('an all-empty contact person is stored as null', () => {
    expect(parse({ name: ' ', email: '' }).data?.contact_person).toBeNull();
  });
});

describe('canonical record', () => {
  test('carries every field, blank text as "" and cleared values as null', () => {
    expect(revnueRecordSchema.parse(base)).toEqual({
      company: 1,
      name: 'Acme GmbH',
      category: null,
      contact_person: null,
      address_line_1: '',
      address_line_2: '',
      city: '',
      state_province: '',
      zip_postal_code: '',
      country: null,
      phone: '',
      mobile: '',
      fax: '',
      website: '',
      general_description: '',
      nda_signed: false,
      nda_signed_date: null,
      msa_signed: false,
      msa_signed_date: null,
      supplementary_description: '',
      additional_description: '',
      template: null,
    });
  });

  test('country and company given as digits are sent as numbers', () => {
    const body = revnueRecordSchema.parse({ company: '3', name: 'A', country: '040' });
    expect(body).toMatchObject({ company: 3, country: 40 });
  });

  test('reports every broken rule at once, each at its own path', () => {
    const result = revnueRecordSchema.safeParse({
      name: '',
      city: chars(51),
      nda_signed_date: '2024-02-30',
    });
    expect(result.error?.issues.map((issue) => formatIssuePath(issue.path)).sort()).toEqual([
      'city',
      'company',
      'name',
      'nda_signed_date',
    ]);
  });
});
