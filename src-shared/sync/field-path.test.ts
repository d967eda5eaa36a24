import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { r2Shape } from '../connectors/r2/shape';
import { revnueShape } from '../connectors/revnue-v2/shape';
import { formatPath } from './format-path';
import {
  childPath,
  isPrefixOrEqual,
  parsePath,
  pathFromSegments,
  type PathSegment,
} from './field-path';
import { propertyParams } from './test-support/arbitraries';
import { acmeOnR2, globexOnRevnue } from './test-support/sample-records';

describe('field paths', () => {
  test('name list items by identity, so they read the same whatever the order', () => {
    const path = pathFromSegments(['contacts', { key: 'recordid', id: 'C-17' }, 'address', 'city']);
    expect(path).toBe('contacts[recordid=C-17].address.city');
    expect(childPath('udfs', { key: 'caption', id: 'Region' })).toBe('udfs[caption=Region]');
    expect(pathFromSegments(['template', 'fields', { key: 'id', id: 7 }, 'value'])).toBe(
      'template.fields[id=7].value',
    );
  });

  test('quote ids that would be ambiguous: strings that look like numbers, brackets, dots', () => {
    expect(childPath('fields', { key: 'id', id: '7' })).toBe('fields[id="7"]');
    expect(childPath('udfs', { key: 'caption', id: 'Sales. Region [EU]' })).toBe(
      'udfs[caption="Sales. Region [EU]"]',
    );
    expect(parsePath('udfs[caption="Sales. Region [EU]"].value')).toEqual([
      'udfs',
      { key: 'caption', id: 'Sales. Region [EU]' },
      'value',
    ]);
  });

  test('reject malformed paths instead of guessing', () => {
    for (const bad of ['contacts[recordid=C-1', 'a..b', '.a', 'a[=1]', 'a[b="x]', 'a[id=007x]x']) {
      expect(parsePath(bad)).toBeNull();
    }
  });

  test('know which place contains which', () => {
    expect(isPrefixOrEqual('contacts[recordid=C-1]', 'contacts[recordid=C-1].address.city')).toBe(
      true,
    );
    expect(isPrefixOrEqual('contacts[recordid=C-1]', 'contacts[recordid=C-10]')).toBe(false);
    expect(isPrefixOrEqual('address', 'addressline')).toBe(false);
    expect(isPrefixOrEqual('', 'anything')).toBe(true);
  });

  test('round-trip through text for any segments (property)', () => {
    const id = fc.oneof(fc.string({ minLength: 1 }), fc.integer());
    const segment: fc.Arbitrary<PathSegment> = fc.oneof(
      fc.string({ minLength: 1 }),
      fc.record({ key: fc.stringMatching(/^[a-z][A-Za-z]{0,8}$/), id }),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        expect(parsePath(pathFromSegments(segments))).toEqual(segments);
      }),
      propertyParams(),
    );
  });
});

describe('formatPath shows a path the way the conflict resolver names it', () => {
  test('R2: contacts by name, blocks and fields by label', () => {
    const record = acmeOnR2();
    expect(formatPath('contacts[recordid=C-17].address.city', r2Shape, record)).toBe(
      'Contact Jane Doe › Address › City',
    );
    expect(formatPath('udfs[caption=Region].value', r2Shape, record)).toBe(
      'User field Region › Value',
    );
    expect(formatPath('billingaddress.zip', r2Shape)).toBe('Billing address › Zip');
  });

  test('Revnue: the contact person and custom fields', () => {
    const record = globexOnRevnue();
    expect(formatPath('contact_person.email', revnueShape, record)).toBe('Contact person › Email');
    expect(formatPath('template.fields[id=7].value', revnueShape, record)).toBe(
      'Custom fields › Custom field 7 › Value',
    );
    expect(formatPath('zip_postal_code', revnueShape)).toBe('ZIP/postal code');
  });

  test('without a shape, still readable', () => {
    expect(formatPath('contacts[recordid=C-99].first_name')).toBe('Recordid C-99 › First name');
    expect(formatPath('')).toBe('The whole record');
  });
});
