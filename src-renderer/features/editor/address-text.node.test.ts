import { describe, expect, test } from 'vitest';
import { r2Descriptor, revnueDescriptor } from '../../../src-shared/connectors';
import type { EditorSection } from '../../../src-shared/connectors/descriptor';
import { addressTextOf } from './address-text';

function postalSections(sections: readonly EditorSection[]): EditorSection[] {
  return sections.flatMap((s) => [
    ...(s.postalAddress ? [s] : []),
    ...postalSections(s.sections ?? []),
  ]);
}

describe('addressTextOf', () => {
  test('Revnue: the address section in writing order, the country by its name', () => {
    const [address] = postalSections(revnueDescriptor.editor);
    const record: Record<string, unknown> = {
      address_line_1: 'Hauptstr. 1',
      address_line_2: '',
      city: 'Berlin',
      state_province: null,
      zip_postal_code: '10115',
      country: 276,
    };
    const lookups = { countries: [{ id: 276, name: 'Germany' }] };
    expect(addressTextOf(address!.fields, (f) => record[f.path], lookups)).toBe(
      'Hauptstr. 1, Berlin, 10115, Germany',
    );
    // A country the lookups do not know yet adds nothing rather than a bare number.
    expect(addressTextOf(address!.fields, (f) => record[f.path], {})).toBe(
      'Hauptstr. 1, Berlin, 10115',
    );
  });

  test('R2: every address block (customer and contact) is marked, an empty one reads as ""', () => {
    const sections = postalSections([
      ...r2Descriptor.editor,
      ...r2Descriptor.editor.flatMap((s) => s.sections ?? []),
    ]);
    expect(sections.map((s) => s.id)).toEqual(
      expect.arrayContaining(['address', 'billingaddress', 'shippingaddress', 'contact-address']),
    );
    const address = sections.find((s) => s.id === 'address')!;
    const values: Record<string, string> = {
      'address.addressline': '1 Main St',
      'address.city': 'Leeds',
      'address.country': 'UK',
    };
    expect(addressTextOf(address.fields, (f) => values[f.path], {})).toBe('1 Main St, Leeds, UK');
    expect(addressTextOf(address.fields, () => undefined, {})).toBe('');
  });
});
