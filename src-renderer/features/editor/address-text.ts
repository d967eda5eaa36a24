// The text of a postal-address section as it reads on an envelope, for "Open in maps": each field's
// value in the section's order, a select shown by its option's label (Revnue country 276 →
// "Germany"), the empty ones left out. The descriptor says which sections are addresses.
import type { ConnectorLookups, EditorField } from '../../../src-shared/connectors/descriptor';
import { addressLine } from '../../../src-shared/net/maps-link';
import { optionsOf, optionValueOf } from '../../lib/forms/field-input';

export function addressTextOf(
  fields: readonly EditorField[],
  valueOf: (field: EditorField) => unknown,
  lookups: ConnectorLookups,
): string {
  return addressLine(fields.map((field) => partOf(field, valueOf(field), lookups)));
}

function partOf(field: EditorField, value: unknown, lookups: ConnectorLookups): string {
  if (value === null || value === undefined) return '';
  if (field.input === 'select') {
    const chosen = optionValueOf(value);
    return optionsOf(field, lookups).find((option) => option.value === chosen)?.label ?? '';
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
