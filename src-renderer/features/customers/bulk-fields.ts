// The fields "Edit selected" offers: the descriptor's bulkEditable paths as the editor's own
// fields (label, input, options), so a bulk value is chosen exactly as in the editor.
import type {
  ConnectorDescriptor,
  ConnectorLookups,
  EditorField,
} from '../../../src-shared/connectors/descriptor';
import { topLevelFields } from '../../lib/forms/editor-layout';
import { optionsOf, readText, type SelectOption } from '../../lib/forms/field-input';

export function bulkFields(descriptor: ConnectorDescriptor<unknown>): EditorField[] {
  const fields = topLevelFields(descriptor.editor);
  return (descriptor.bulkEditable ?? []).flatMap((path) => {
    const field = fields.find((candidate) => candidate.path === path && !candidate.readOnly);
    return field ? [field] : [];
  });
}

export interface BulkValue {
  /** What is stored (a lookup id, an enum value, the typed text). */
  readonly value: unknown;
  /** How the confirmation names it ("Retail", "Germany"). */
  readonly label: string;
}

/**
 * The value chosen for `field`: an option of its select, or typed text read as the editor reads
 * it. Null while nothing is chosen (a bulk edit sets a value; it never empties a field), or an
 * error in words for text the input cannot read.
 */
export function bulkValueOf(
  field: EditorField,
  lookups: ConnectorLookups,
  chosen: string,
  locale: string,
): BulkValue | { error: string } | null {
  if (field.input === 'select') {
    const option: SelectOption | undefined = optionsOf(field, lookups).find(
      (candidate) => candidate.value === chosen,
    );
    return option ? { value: option.stored, label: option.label } : null;
  }
  if (chosen.trim() === '') return null;
  const read = readText(chosen, { input: field.input, label: field.label }, locale);
  if (read.error) return { error: read.error };
  return {
    value: typeof read.value === 'string' ? read.value.trim() : read.value,
    label: chosen.trim(),
  };
}
