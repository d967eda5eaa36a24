// The seed's custom field rules ("If the value data-type is money / number / date / text"), checked
// through `revnueRecordSchemaFor(templates)` at the path the editor marks.
import { describe, expect, test } from 'vitest';
import { formatIssuePath } from '../../../api/messages';
import { revnueRecordSchema, revnueRecordSchemaFor } from './body';
import type { RevnueCustomFieldTemplate } from './lookups';

const templates: RevnueCustomFieldTemplate[] = [
  {
    id: 7,
    name: 'Rental customer',
    fields: [
      { id: 11, name: 'Contract value', type: 'money' },
      { id: 12, name: 'Seats', type: 'number' },
      { id: 13, name: 'Renewal date', type: 'date' },
      { id: 14, name: 'Account code', type: 'text' },
    ],
  },
];
const schema = revnueRecordSchemaFor(templates);

/** Parses a body whose template has the value `value` for field `fieldId` (at index 0). */
function parseValue(fieldId: number, value: unknown) {
  return schema.safeParse({
    company: 1,
    name: 'Acme',
    template: { id: 7, fields: [{ id: fieldId, value }] },
  });
}

const issuesOf = (result: ReturnType<typeof parseValue>) =>
  (result.error?.issues ?? []).map((issue) => [formatIssuePath(issue.path), issue.message]);

type Row = {
  rule: string;
  fieldId: number;
  valid: [unknown, unknown][];
  invalid: [unknown, string][];
};

const rows: Row[] = [
  {
    rule: 'money (decimal): Min value = 0.00, Max value = 999999999999999.00',
    fieldId: 11,
    valid: [
      ['0.00', '0.00'],
      [0, '0.00'],
      ['999999999999999.00', '999999999999999.00'],
      ['999999999999999', '999999999999999.00'],
      ['12.5', '12.50'],
      [12.5, '12.50'],
      ['0042.10', '42.10'],
      ['', null],
      [null, null],
    ],
    invalid: [
      ['-0.01', 'Contract value cannot be negative'],
      [-5, 'Contract value cannot be negative'],
      ['999999999999999.01', 'Contract value must be at most 999999999999999.00'],
      ['1000000000000000', 'Contract value must be at most 999999999999999.00'],
      ['1.234', 'Contract value can have at most 2 decimals'],
      ['12,50', 'Contract value must be an amount like 1234.50'],
      ['abc', 'Contract value must be an amount like 1234.50'],
    ],
  },
  {
    rule: 'number (integer): Min value = -999999999999999, Max value = 999999999999999',
    fieldId: 12,
    valid: [
      [-999999999999999, -999999999999999],
      [999999999999999, 999999999999999],
      ['42', 42],
      ['-7', -7],
      [0, 0],
    ],
    invalid: [
      [1000000000000000, 'Seats must be between -999999999999999 and 999999999999999'],
      ['-1000000000000000', 'Seats must be between -999999999999999 and 999999999999999'],
      [1.5, 'Seats must be a whole number'],
      ['1,000', 'Seats must be a whole number'],
    ],
  },
  {
    rule: 'date (string): Format = yyyy-MM-dd',
    fieldId: 13,
    valid: [
      ['2024-02-29', '2024-02-29'],
      ['', null],
    ],
    invalid: [
      ['2023-02-29', 'Renewal date: enter a date like 2025-06-30'],
      ['02/29/2024', 'Renewal date: enter a date like 2025-06-30'],
      [20240229, 'Renewal date: enter a date like 2025-06-30'],
    ],
  },
  {
    rule: 'text (string): Max characters = 50',
    fieldId: 14,
    valid: [
      ['x'.repeat(50), 'x'.repeat(50)],
      ['ABC-1', 'ABC-1'],
    ],
    invalid: [
      ['x'.repeat(51), 'Account code must be at most 50 characters'],
      [42, 'Account code must be text'],
    ],
  },
];

describe.each(rows)('$rule', ({ fieldId, valid, invalid }) => {
  test.each(valid)('accepts %j and keeps %j (empty: no field at all)', (value, kept) => {
    const result = parseValue(fieldId, value);
    expect(issuesOf(result)).toEqual([]);
    expect(result.data?.template?.fields).toEqual(
      kept === null ? [] : [{ id: fieldId, value: kept }],
    );
  });
  test.each(invalid)('rejects %j: %s', (value, message) => {
    expect(issuesOf(parseValue(fieldId, value))).toEqual([['template.fields[0].value', message]]);
  });
});

describe('template and field ids', () => {
  test('an unknown template id is reported at template.id', () => {
    const result = schema.safeParse({ company: 1, name: 'A', template: { id: 99, fields: [] } });
    expect(issuesOf(result)).toEqual([
      ['template.id', 'Unknown custom field template — refresh the lists and choose it again'],
    ]);
  });

  test('an unknown field id is reported at its own index', () => {
    const result = schema.safeParse({
      company: 1,
      name: 'A',
      template: {
        id: 7,
        fields: [
          { id: 11, value: '1.00' },
          { id: 12, value: 2 },
          { id: 55, value: 'x' },
        ],
      },
    });
    expect(issuesOf(result)).toEqual([
      ['template.fields[2].id', 'This custom field is not part of the template “Rental customer”'],
    ]);
  });

  test('a field given twice is reported at its second occurrence', () => {
    const result = schema.safeParse({
      company: 1,
      name: 'A',
      template: {
        id: 7,
        fields: [
          { id: 14, value: 'a' },
          { id: 14, value: 'b' },
        ],
      },
    });
    expect(issuesOf(result)).toEqual([
      ['template.fields[1].id', 'This custom field appears twice'],
    ]);
  });

  test('fields without a template are refused; no template and no fields means none', () => {
    const parse = (template: unknown) => schema.safeParse({ company: 1, name: 'A', template });
    expect(issuesOf(parse({ id: '', fields: [{ id: 11, value: '1' }] }))).toEqual([
      ['template.id', 'Custom field template is required'],
    ]);
    expect(parse({ id: '', fields: [] }).data?.template).toBeNull();
    expect(parse({ id: '7', fields: [] }).data?.template).toEqual({ id: 7, fields: [] });
  });

  test('without the templates only the shape is checked (values pass through)', () => {
    const body = revnueRecordSchema.parse({
      company: 1,
      name: 'A',
      template: {
        id: 7,
        fields: [
          { id: 11, value: 12.5 },
          { id: 14, value: 'x' },
        ],
      },
    });
    expect(body.template).toEqual({
      id: 7,
      fields: [
        { id: 11, value: 12.5 },
        { id: 14, value: 'x' },
      ],
    });
    const wrong = revnueRecordSchema.safeParse({
      company: 1,
      name: 'A',
      template: { id: 7, fields: [{ id: 11, value: true }] },
    });
    expect(issuesOf(wrong)).toEqual([
      [
        'template.fields[0].value',
        'A custom field value could not be read; open the customer again and re-enter it',
      ],
    ]);
  });
});
