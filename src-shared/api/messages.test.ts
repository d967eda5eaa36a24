import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { isCalendarDate } from './calendar';
import { fieldErrorsFromZod, formatIssuePath } from './messages';
import { normalizeCustomerName } from './names';

describe('formatIssuePath', () => {
  test.each([
    [['name'], 'name'],
    [['contacts', 0, 'emailaddr'], 'contacts[0].emailaddr'],
    [['template', 'fields', 2, 'value'], 'template.fields[2].value'],
    [[], ''],
  ])('%j → %s', (path, key) => {
    expect(formatIssuePath(path)).toBe(key);
  });
});

test('fieldErrorsFromZod groups messages per field path', () => {
  const schema = z.object({
    a: z.string().min(3, 'too short').regex(/x/, 'needs x'),
    b: z.array(z.number('not a number')),
  });
  const error = schema.safeParse({ a: 'yy', b: [1, 'z'] }).error!;
  expect(fieldErrorsFromZod(error)).toEqual({
    a: ['too short', 'needs x'],
    'b[1]': ['not a number'],
  });
});

describe('isCalendarDate', () => {
  test.each(['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01'])('%s is a day', (day) => {
    expect(isCalendarDate(day)).toBe(true);
  });
  test.each(['2023-02-29', '1900-02-29', '2024-04-31', '2024-00-10', '2024-01-00', '2024-1-1', ''])(
    '%s is not',
    (day) => {
      expect(isCalendarDate(day)).toBe(false);
    },
  );
});

test('normalizeCustomerName ignores case, surrounding and repeated whitespace', () => {
  expect(normalizeCustomerName('  Müller \n  Bau ')).toBe('müller bau');
});
