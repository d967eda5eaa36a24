// Inputs: regional dates stored in the API's format, numbers, money kept as typed, and select
// options from enums or cached lookups.
import { expect, test } from 'vitest';
import type { EditorField } from '../../../src-shared/connectors/descriptor';
import { optionsOf, readText, storedOf, textOf } from './field-input';

test('a date typed in the regional format is stored as yyyy-MM-dd and shown back the same way', () => {
  const spec = { input: 'date' as const, label: 'NDA signed date' };
  expect(readText('30.06.2025', spec, 'de-DE')).toEqual({ value: '2025-06-30' });
  expect(readText('06/30/2025', spec, 'en-US')).toEqual({ value: '2025-06-30' });
  expect(readText('', spec, 'de-DE')).toEqual({ value: null });
  expect(textOf('2025-06-30', 'date', 'en-GB')).toBe('30/06/2025');
});

test('text that is no date is kept as typed, with the regional example', () => {
  expect(readText('31.02.2025', { input: 'date', label: 'NDA signed date' }, 'de-DE')).toEqual({
    value: '31.02.2025',
    error: 'NDA signed date: enter a date like 30.06.2025',
  });
  const moment = readText(
    '30/06/2025 25:00',
    { input: 'datetime', label: 'Insurance expires' },
    'en-GB',
  );
  expect(moment.error).toBe('Insurance expires: enter a date and time like 30/06/2025 14:30');
  expect(readText('30/06/2025 14:30', { input: 'datetime', label: 'X' }, 'en-GB')).toEqual({
    value: '2025-06-30T14:30',
  });
});

test('numbers become numbers; custom money stays the decimal string the schema checks', () => {
  expect(readText('1200.5', { input: 'money', label: 'Credit limit' }, 'en-GB')).toEqual({
    value: 1200.5,
  });
  expect(readText('12x', { input: 'number', label: 'GL account' }, 'en-GB')).toEqual({
    value: '12x',
  });
  expect(
    readText('999999999999999.00', { input: 'money', label: 'V', valueAs: 'string' }, 'en-GB'),
  ).toEqual({ value: '999999999999999.00' });
  expect(readText(' ', { input: 'number', label: 'N' }, 'en-GB')).toEqual({ value: null });
});

test('select options from a lookup keep their numeric ids; enums use their labels', () => {
  const country: EditorField = {
    path: 'country',
    label: 'Country',
    input: 'select',
    options: 'lookup:countries',
  };
  const options = optionsOf(country, { countries: [{ id: 276, name: 'Germany' }] });
  expect(options).toEqual([{ value: '276', label: 'Germany', stored: 276 }]);
  expect(storedOf(options, '276')).toBe(276);
  expect(storedOf(options, '')).toBeNull();
  expect(optionsOf(country, {})).toEqual([]);
  const type: EditorField = {
    path: 'contact_person.type',
    label: 'Contact type',
    input: 'select',
    options: ['billing'],
    optionLabels: { billing: 'Billing' },
  };
  expect(optionsOf(type, {})).toEqual([{ value: 'billing', label: 'Billing', stored: 'billing' }]);
});

test('numbers and money are shown and read in the regional format', () => {
  const money = { input: 'money', label: 'V', valueAs: 'string' } as const;
  expect(textOf('1234.50', 'money', 'de-DE')).toBe('1234,50');
  expect(textOf(1200.5, 'number', 'de-DE')).toBe('1200,5');
  expect(textOf(1200.5, 'number', 'en-US')).toBe('1200.5');
  expect(readText('1.234,50', money, 'de-DE')).toEqual({ value: '1234.50' });
  expect(readText('1.234,5', { input: 'number', label: 'N' }, 'de-DE')).toEqual({
    value: 1234.5,
  });
  expect(readText('1,234.5', { input: 'number', label: 'N' }, 'en-US')).toEqual({
    value: 1234.5,
  });
  // Not a number here: kept as typed for the schema to word.
  expect(readText('1.2.3', money, 'de-DE')).toEqual({ value: '1.2.3' });
});
