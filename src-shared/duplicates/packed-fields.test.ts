// Packed rows against the rows themselves: any text (colons, digits, separators, surrogates,
// empty strings) and any number of phones, emails and web addresses come back exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../sync/test-support/fc-params';
import { packFields, unpackFields } from './packed-fields';

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ':', '1:', '0:'),
);
const fields = fc.record({
  name: text,
  customerNumber: text,
  phones: fc.array(text, { maxLength: 4 }),
  emails: fc.array(text, { maxLength: 4 }),
  websites: fc.array(text, { maxLength: 4 }),
  addressLine: text,
  city: text,
});

describe('packed duplicate fields', () => {
  it('unpack to exactly the fields packed', () => {
    fc.assert(
      fc.property(fields, (row) => {
        expect(unpackFields(packFields(row))).toEqual(row);
      }),
      propertyParams(),
    );
  });
});
