// lib/export: the customer export (docs/export.md) — which columns a CSV has, the file's text built
// in batches from the local store, and the sinks it streams to (main's file, or a download).
//
// The CSV's columns: the list's own columns ("the view"), or every field of the connector's editor
// layout ("All fields"), each with the label the editor shows. Repeated items (contacts, custom
// fields) are one column per field holding every item's value on its own line, so no column count
// depends on the data and nothing is cut off; a repeat inside a repeat joins its items with "; ".
import type {
  ConnectorDescriptor,
  ConnectorLookups,
  EditorField,
  EditorSection,
} from '../../../src-shared/connectors/descriptor';
import type { CustomerRow } from '../db/rows';
import { optionsOf } from '../forms/field-input';
import { badgeOf } from '../search/index-entry';

export interface ExportColumn {
  /** A dotted path in the record (`contacts.address.city`), or a name of Fieldbook's own. */
  readonly id: string;
  readonly label: string;
  value(row: CustomerRow): string;
}

export type ColumnChoice = 'view' | 'all';

const badgeWords: Record<ReturnType<typeof badgeOf>, string> = {
  synced: 'Synced',
  waiting: 'Waiting to sync',
  rejected: 'Rejected',
  conflict: 'Conflict',
  not_downloaded: 'Not downloaded',
};

/** The list's columns as the grid has them (also those a narrow window hides), then the badge. */
export function viewColumns(
  descriptor: ConnectorDescriptor<unknown>,
  lookups: ConnectorLookups,
): ExportColumn[] {
  return [
    ...descriptor.listColumns.map((column) => ({
      id: column.id,
      label: column.label,
      value: (row: CustomerRow) => column.value(row.record, lookups),
    })),
    { id: 'syncState', label: 'Sync state', value: (row) => badgeWords[badgeOf(row)] },
  ];
}

/** How a stored value reads in a cell: choices by their names, flags as Yes/No, dates as stored. */
function textFor(field: EditorField, lookups: ConnectorLookups): (value: unknown) => string {
  const names = new Map(optionsOf(field, lookups).map((option) => [option.value, option.label]));
  return (value) => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    if (typeof value === 'object') return JSON.stringify(value);
    const text = String(value);
    return names.get(text) ?? text;
  };
}

/** Reads a dotted path from one object: no index, lists are handled by the section walk. */
function read(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Values found by walking from a record: one per item of each list on the way. */
type Reader = (start: unknown) => string;

interface Walk {
  /** Labels of the sections on the way ("Contacts", "Address"). */
  readonly labels: readonly string[];
  readonly path: readonly string[];
  /** Turns a reader relative to the current item into one relative to the record. */
  readonly lift: (inner: Reader) => Reader;
}

function listReader(path: readonly string[], depth: number, inner: Reader): Reader {
  // The first repeat puts each item on a line of its own; deeper ones stay on their item's line.
  const separator = depth === 0 ? '\n' : '; ';
  return (start) => {
    const items = read(start, path);
    return Array.isArray(items) ? items.map(inner).join(separator) : '';
  };
}

function walkSections(
  sections: readonly EditorSection[],
  walk: Walk,
  depth: number,
  lookups: ConnectorLookups,
  out: { id: string; labels: string[]; read: Reader }[],
): void {
  for (const section of sections) {
    const labels = [...walk.labels, section.label];
    if (section.repeat) {
      const listPath = section.repeat.split('.');
      const path = [...walk.path, ...listPath];
      if (section.fixedItems) {
        // Items named by a lookup (Revnue custom fields): "Label: value" per item.
        const valueField = section.valueField ?? 'value';
        const fixed = section.fixedItems;
        out.push({
          id: path.join('.'),
          labels,
          read: walk.lift((record) => {
            const items = read(record, listPath);
            if (!Array.isArray(items)) return '';
            const named = fixed(record, lookups);
            return items
              .map((item) => {
                const id = read(item, [named[0]?.identity.key ?? 'id']);
                const label = named.find((n) => n.identity.id === id)?.label ?? String(id);
                const value = read(item, valueField.split('.'));
                return `${label}: ${value === null || value === undefined ? '' : String(value)}`;
              })
              .join(depth === 0 ? '\n' : '; ');
          }),
        });
        continue;
      }
      const inner: Walk = {
        labels,
        path,
        lift: (reader) => walk.lift(listReader(listPath, depth, reader)),
      };
      pushFields(section.fields, inner, lookups, out);
      walkSections(section.sections ?? [], inner, depth + 1, lookups, out);
      continue;
    }
    const here: Walk = { ...walk, labels };
    pushFields(section.fields, here, lookups, out);
    walkSections(section.sections ?? [], here, depth, lookups, out);
  }
}

function pushFields(
  fields: readonly EditorField[],
  walk: Walk,
  lookups: ConnectorLookups,
  out: { id: string; labels: string[]; read: Reader }[],
): void {
  for (const field of fields) {
    const path = field.path.split('.');
    const text = textFor(field, lookups);
    out.push({
      id: [...walk.path, ...path].join('.'),
      labels: [...walk.labels, field.label],
      read: walk.lift((item) => text(read(item, path))),
    });
  }
}

/**
 * Every field of the editor layout. A label is the field's own when no other column has it, else
 * prefixed by its sections ("Billing address › City"). R2 summaries (not downloaded yet) hold only
 * the list's fields: the first column says whether the row is complete, so an empty cell is never
 * mistaken for an empty field.
 */
export function allFieldColumns(
  descriptor: ConnectorDescriptor<unknown>,
  lookups: ConnectorLookups,
): ExportColumn[] {
  const found: { id: string; labels: string[]; read: Reader }[] = [];
  const top: Walk = { labels: [], path: [], lift: (reader) => reader };
  walkSections(descriptor.editor, top, 0, lookups, found);
  const seen = new Set<string>();
  const columns = found
    .filter((column) => !seen.has(column.id) && seen.add(column.id))
    .map((column) => ({ ...column, short: column.labels.at(-1) ?? column.id }));
  const counts = new Map<string, number>();
  for (const column of columns) counts.set(column.short, (counts.get(column.short) ?? 0) + 1);
  const fields: ExportColumn[] = columns.map((column) => ({
    id: column.id,
    label: counts.get(column.short) === 1 ? column.short : column.labels.join(' › '),
    value: (row: CustomerRow) => column.read(row.record),
  }));
  const completeness: ExportColumn[] = descriptor.capabilities.summariesInList
    ? [
        {
          id: 'complete',
          label: 'Complete record',
          value: (row) =>
            row.hydration === 'full'
              ? 'Yes'
              : 'No: not downloaded yet, only the list columns are known',
        },
      ]
    : [];
  return [...completeness, ...fields];
}

export function columnsFor(
  choice: ColumnChoice,
  descriptor: ConnectorDescriptor<unknown>,
  lookups: ConnectorLookups,
): ExportColumn[] {
  return choice === 'view'
    ? viewColumns(descriptor, lookups)
    : allFieldColumns(descriptor, lookups);
}
