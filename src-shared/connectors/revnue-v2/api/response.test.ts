// The response schema reads the server's answer (not a request body), and the response → record
// mapping spells custom field values as the record does when the templates are at hand.
import { describe, expect, test } from 'vitest';
import type { RevnueCustomFieldTemplate } from './lookups';
import { revnueRecordFromResponse } from './mapping';
import { revnueCustomerResponseSchema, type RevnueCustomerResponse } from './response';

const templates: RevnueCustomFieldTemplate[] = [
  {
    id: 5,
    name: 'Key account',
    fields: [
      { id: 7, name: 'Annual budget', type: 'money' },
      { id: 8, name: 'Seats', type: 'number' },
      { id: 9, name: 'Renewal date', type: 'date' },
      { id: 10, name: 'Tier', type: 'text' },
    ],
  },
];

const response = (fields: Record<string, string | number | null>): RevnueCustomerResponse => ({
  id: 42,
  name: 'Globex',
  template: { id: 5, fields },
});

describe('custom field values from a response', () => {
  test('with the templates: each value is normalized by its field type', () => {
    const record = revnueRecordFromResponse(
      response({ '7': 1200, '8': '12', '9': ' 2025-06-30 ', '10': ' Gold ' }),
      { countries: [], templates },
    );
    expect(record.template).toEqual({
      id: 5,
      fields: [
        { id: 7, value: '1200.00' },
        { id: 8, value: 12 },
        { id: 9, value: '2025-06-30' },
        { id: 10, value: 'Gold' },
      ],
    });
  });

  test('with the templates: an empty value is no field, money keeps its cents', () => {
    const record = revnueRecordFromResponse(response({ '7': '1200.5', '10': '' }), {
      countries: [],
      templates,
    });
    expect(record.template?.fields).toEqual([{ id: 7, value: '1200.50' }]);
  });

  test('a value its type refuses, or a field the template lacks, stays as the server sent it', () => {
    const record = revnueRecordFromResponse(response({ '7': 'lots', '99': 3 }), {
      countries: [],
      templates,
    });
    expect(record.template?.fields).toEqual([
      { id: 7, value: 'lots' },
      { id: 99, value: 3 },
    ]);
  });

  test('without the templates the values are kept as sent', () => {
    const record = revnueRecordFromResponse(response({ '7': 1200 }), { countries: [] });
    expect(record.template?.fields).toEqual([{ id: 7, value: 1200 }]);
  });
});

describe('the response schema reads responses, not request bodies', () => {
  const answer = { id: 42, name: 'Globex', category: { id: 3, name: 'Retail' } };

  test('a category as {id, name} is a response', () => {
    expect(revnueCustomerResponseSchema.safeParse(answer).success).toBe(true);
  });

  test('a request-shaped answer (category: 3) is refused at category', () => {
    const parsed = revnueCustomerResponseSchema.safeParse({ ...answer, category: 3 });
    expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['category']]);
  });

  test('custom fields as the request’s list (not a map keyed by field id) are refused', () => {
    const parsed = revnueCustomerResponseSchema.safeParse({
      ...answer,
      template: { id: 5, fields: [{ id: 7, value: '1.00' }] },
    });
    expect(parsed.success).toBe(false);
  });
});
