// What the printed card of a customer shows: each section of the editor's layout with only the
// fields that have a value, in the same words and formats as on screen (dates in the regional
// format, choices by their names); contacts and other repeated items one after another.
import type {
  ConnectorLookups,
  EditorField,
  EditorSection,
} from '../../../src-shared/connectors/descriptor';
import { getIn, locOf, type Loc } from '../../lib/forms/draft-path';
import { optionsOf, optionValueOf, textOf } from '../../lib/forms/field-input';

export interface PrintRow {
  readonly label: string;
  readonly text: string;
}

export interface PrintBlock {
  readonly heading: string;
  readonly rows: readonly PrintRow[];
  readonly blocks: readonly PrintBlock[];
}

function shown(field: EditorField, value: unknown, lookups: ConnectorLookups, locale: string) {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'object') return '';
  if (field.options !== undefined) {
    const chosen = optionValueOf(value);
    return optionsOf(field, lookups).find((option) => option.value === chosen)?.label ?? chosen;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return textOf(value, field.input, locale).trim();
}

function blockOf(
  section: EditorSection,
  record: unknown,
  item: Loc,
  heading: string,
  lookups: ConnectorLookups,
  locale: string,
): PrintBlock | null {
  const rows = section.fields.flatMap((field) => {
    const text = shown(field, getIn(record, locOf(item, field.path)), lookups, locale);
    return text === '' ? [] : [{ label: field.label, text }];
  });
  const blocks = printBlocks(section.sections ?? [], record, item, lookups, locale);
  return rows.length === 0 && blocks.length === 0 ? null : { heading, rows, blocks };
}

/** The card's blocks for `sections` of `record` (at `item`); empty sections are left out. */
export function printBlocks(
  sections: readonly EditorSection[],
  record: unknown,
  item: Loc,
  lookups: ConnectorLookups,
  locale: string,
): PrintBlock[] {
  return sections.flatMap((section) => {
    if (section.audit) return [];
    if (!section.repeat) {
      const block = blockOf(section, record, item, section.label, lookups, locale);
      return block ? [block] : [];
    }
    const listLoc = locOf(item, section.repeat);
    const list = getIn(record, listLoc);
    if (!Array.isArray(list)) return [];
    const noun = section.itemNoun ?? 'item';
    const items = list.flatMap((_, index) => {
      const heading = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${index + 1}`;
      const block = blockOf(section, record, [...listLoc, index], heading, lookups, locale);
      return block ? [block] : [];
    });
    return items.length === 0 ? [] : [{ heading: section.label, rows: [], blocks: items }];
  });
}
