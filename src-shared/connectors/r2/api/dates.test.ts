// The seed's date-time format `MM/dd/yyyy HH:mm` (createddate, updateddate, insuranceexpdate) and
// its zone-less conversion to and from ISO local date-times.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isValidDay } from '../../../api/calendar';
import {
  R2DateError,
  isIsoLocalDateTime,
  isR2DateTime,
  isoToR2DateTime,
  r2DateTimeSchema,
  r2DateTimeToIso,
} from './dates';

describe('r2DateTimeSchema: Format = MM/dd/yyyy HH:mm, a real calendar date and time', () => {
  test.each(['01/31/2024 13:05', '02/29/2024 00:00', '12/31/1999 23:59'])('accepts %s', (value) => {
    expect(r2DateTimeSchema.safeParse(value).success).toBe(true);
  });
  test.each([
    '02/29/2023 10:00',
    '13/01/2024 10:00',
    '04/31/2024 10:00',
    '01/31/2024 24:00',
    '01/31/2024 13:60',
    '2024-01-31 13:05',
    '1/31/2024 13:05',
    '01/31/2024 13:05:00',
    '01/31/2024',
  ])('rejects %s with the format message', (value) => {
    expect(r2DateTimeSchema.safeParse(value).error?.issues.map((issue) => issue.message)).toEqual([
      'Use the date and time format MM/dd/yyyy HH:mm',
    ]);
  });
});

describe('conversion (no time zone is invented: wall-clock time stays wall-clock time)', () => {
  test('MM/dd/yyyy HH:mm → yyyy-MM-ddTHH:mm and back', () => {
    expect(r2DateTimeToIso('01/31/2024 13:05')).toBe('2024-01-31T13:05');
    expect(isoToR2DateTime('2024-01-31T13:05')).toBe('01/31/2024 13:05');
  });

  test('zero seconds are accepted, other seconds are refused (R2 keeps minutes)', () => {
    expect(isoToR2DateTime('2024-01-31T13:05:00')).toBe('01/31/2024 13:05');
    expect(isoToR2DateTime('2024-01-31T13:05:00.000')).toBe('01/31/2024 13:05');
    expect(() => isoToR2DateTime('2024-01-31T13:05:30')).toThrow(/seconds/);
  });

  test.each(['2024-01-31T13:05Z', '2024-01-31T13:05+02:00', '2024-02-30T10:00', '2024-01-31', ''])(
    'refuses %j rather than guessing',
    (value) => {
      expect(() => isoToR2DateTime(value)).toThrow(R2DateError);
    },
  );

  test.each(['02/29/2023 10:00', 'yesterday'])('refuses wire value %j', (value) => {
    expect(() => r2DateTimeToIso(value)).toThrow(R2DateError);
  });

  test('round trip over every minute-precision moment (property)', () => {
    const moment = fc
      .date({
        min: new Date('1900-01-01T00:00Z'),
        max: new Date('2199-12-31T23:59Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 16));
    fc.assert(
      fc.property(moment, (iso) => {
        expect(isIsoLocalDateTime(iso)).toBe(true);
        const wire = isoToR2DateTime(iso);
        expect(r2DateTimeSchema.safeParse(wire).success).toBe(true);
        expect(r2DateTimeToIso(wire)).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });

  test('ISO local date-times sort chronologically as strings', () => {
    const wire = ['12/31/2023 23:59', '01/01/2024 00:00', '02/10/2023 08:00'];
    expect(wire.map(r2DateTimeToIso).sort()).toEqual([
      '2023-02-10T08:00',
      '2023-12-31T23:59',
      '2024-01-01T00:00',
    ]);
  });
});

describe('isR2DateTime accepts exactly what the pattern and a real calendar accept', () => {
  // The definition it replaced (a regex, then the day and time checked), kept as the reference.
  const reference = (value: string) => {
    const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(value);
    return (
      m !== null &&
      isValidDay(Number(m[3]), Number(m[1]), Number(m[2])) &&
      Number(m[4]) < 24 &&
      Number(m[5]) < 60
    );
  };
  /** Strings near the format: its characters and a few that look alike, around its length. */
  const nearDate = fc.oneof(
    fc
      .array(fc.constantFrom(...'0123456789/ :\n-.٣𝟘+e', '12', '02/29', '2024 '), {
        minLength: 12,
        maxLength: 18,
      })
      .map((parts) => parts.join('')),
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.integer({ min: 0, max: 19 }),
          fc.integer({ min: 0, max: 39 }),
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 29 }),
          fc.integer({ min: 0, max: 69 }),
          fc.array(fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2), { minLength: 4, maxLength: 4 }),
          fc.constantFrom('', '', ' ', '\n'),
        )
        .map(([mo, d, y, h, mi, swaps, tail]) => {
          // Each separator mostly right, sometimes another one's or a digit.
          const [a, b, c, e] = ['/', '/', ' ', ':'].map((right, i) =>
            swaps[i] === 0 ? right : swaps[i] === 1 ? ':/ '[i % 3] : '0',
          );
          const two = (n: number) => String(n).padStart(2, '0');
          return `${two(mo)}${a}${two(d)}${b}${String(y).padStart(4, '0')}${c}${two(h)}${e}${two(mi)}${tail}`;
        }),
    },
    fc.string({ maxLength: 20 }),
  );

  test('the same answer for every string (property)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearDate, (value) => {
        expect(isR2DateTime(value)).toBe(reference(value));
        if (reference(value)) accepted += 1;
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  test.each([
    ['02/29/2000 00:00', true],
    ['02/29/1900 00:00', false],
    ['00/10/2024 10:00', false],
    ['01/00/2024 10:00', false],
    ['01/31/0000 23:59', true],
    ['01/31/2024 13:05\n', false],
    ['0１/31/2024 13:05', false],
    ['01/31/2024 13/05', false],
    ['01/31/2024013:05', false],
    ['01-31/2024 13:05', false],
  ])('%j → %s', (value, expected) => {
    expect(isR2DateTime(value)).toBe(expected);
    expect(reference(value)).toBe(expected);
  });
});
