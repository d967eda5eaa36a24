// The wire body main receives over IPC and forwards as it is: nothing is filled in, null only where
// a type has no empty value of its own, every seed rule still checked.
import { describe, expect, test } from 'vitest';
import { formatIssuePath } from '../../../api/messages';
import type { RevnueCustomFieldTemplate } from './lookups';
import { revnueCustomerBodySchema, revnueCustomerBodySchemaFor } from './wire-body';

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => [formatIssuePath(issue.path), issue.message]);

const templates: RevnueCustomFieldTemplate[] = [
  {
    id: 7,
    name: 'Rental customer',
    fields: [
      { id: 11, name: 'Contract value', type: 'money' },
      { id: 14, name: 'Account code', type: 'text' },
    ],
  },
];

describe('Revnue wire body', () => {
  test('a body without optional keys stays without them (nothing is filled in)', () => {
    expect(revnueCustomerBodySchema.parse({ company: 1, name: 'Acme' })).toEqual({
      company: 1,
      name: 'Acme',
    });
    const parsed = revnueCustomerBodySchema.parse({
      company: 1,
      name: 'Acme',
      contact_person: { name: 'Jane', email: 'jane@acme.example' },
      template: { id: 7 },
    });
    expect(Object.keys(parsed).sort()).toEqual(['company', 'contact_person', 'name', 'template']);
    expect(parsed.contact_person).not.toHaveProperty('type');
    expect(parsed.template).not.toHaveProperty('fields');
  });

  test('null — a clear in a PUT — is kept where a type has no empty value of its own', () => {
    const clears = {
      company: 1,
      name: 'Acme',
      category: null,
      country: null,
      nda_signed_date: null,
      msa_signed_date: null,
      contact_person: null,
      template: null,
    };
    expect(revnueCustomerBodySchema.parse(clears)).toEqual(clears);
    const inner = {
      company: 1,
      name: 'Acme',
      contact_person: { name: 'Jane', email: 'jane@acme.example', type: null },
      template: { id: 7, fields: [{ id: 11, value: null }] },
    };
    expect(revnueCustomerBodySchemaFor(templates).parse(inner)).toEqual(inner);
  });

  test.each([
    ['city', 'City must be text'],
    ['general_description', 'General description must be text'],
    ['nda_signed', 'NDA signed must be yes or no'],
  ])('null for %s is refused: text is cleared with "", a flag is yes or no', (key, message) => {
    expect(
      issuesOf(revnueCustomerBodySchema.safeParse({ company: 1, name: 'A', [key]: null })),
    ).toEqual([[key, message]]);
  });

  test.each([
    ['nda_signed_date', '', 'NDA signed date: enter a date like 2025-06-30'],
    ['category', '', 'Choose a category from the list'],
    ['country', 'Germany', 'Choose a country from the list'],
    [
      'contact_person',
      { name: 'Jane', email: 'jane@acme.example', type: '' },
      'Contact type must be Account management, Billing, Executive, Sales, Support or Technical',
    ],
  ])('%s %j is not a wire value', (key, value, message) => {
    const issues = issuesOf(
      revnueCustomerBodySchema.safeParse({ company: 1, name: 'A', [key]: value }),
    );
    expect(issues.map(([, text]) => text)).toEqual([message]);
  });

  test('text is trimmed and ids given as digits are sent as numbers', () => {
    expect(
      revnueCustomerBodySchema.parse({
        company: '2',
        name: ' Acme ',
        city: ' York ',
        country: '040',
      }),
    ).toEqual({ company: 2, name: 'Acme', city: 'York', country: 40 });
  });

  test('the seed rules still hold: lengths, the contact pair, custom field types', () => {
    const result = revnueCustomerBodySchemaFor(templates).safeParse({
      company: 1,
      name: 'A',
      zip_postal_code: 'x'.repeat(21),
      contact_person: { email: 'jane@acme.example' },
      template: {
        id: 7,
        fields: [
          { id: 11, value: '1.234' },
          { id: 14, value: 'ABC' },
        ],
      },
    });
    expect(issuesOf(result).sort()).toEqual([
      ['contact_person.name', 'Contact name is required when an email is given'],
      ['template.fields[0].value', 'Contract value can have at most 2 decimals'],
      ['zip_postal_code', 'ZIP/postal code must be at most 20 characters'],
    ]);
  });

  test('money is spelled with its cents; an unknown template is refused even without fields', () => {
    const schema = revnueCustomerBodySchemaFor(templates);
    expect(
      schema.parse({
        company: 1,
        name: 'A',
        template: { id: 7, fields: [{ id: 11, value: 12.5 }] },
      }).template,
    ).toEqual({ id: 7, fields: [{ id: 11, value: '12.50' }] });
    expect(issuesOf(schema.safeParse({ company: 1, name: 'A', template: { id: 99 } }))).toEqual([
      ['template.id', 'Unknown custom field template — refresh the lists and choose it again'],
    ]);
  });
});
