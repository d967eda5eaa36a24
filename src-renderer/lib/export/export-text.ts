// The text of an export file, a batch of customers at a time: CSV (a BOM and the header row first,
// then one record per customer) or vCard (the cards of each customer's contacts, one after another).
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../src-shared/connectors/descriptor';
import { CSV_BOM, csvRecord } from '../../../src-shared/export/csv';
import { vcardOf } from '../../../src-shared/export/vcard';
import type { CustomerRow } from '../db/rows';
import type { ExportColumn } from './export-columns';

export type ExportFormat = 'csv' | 'vcard';

export type ExportPlan =
  | { readonly format: 'csv'; readonly columns: readonly ExportColumn[] }
  | {
      readonly format: 'vcard';
      readonly descriptor: ConnectorDescriptor<unknown>;
      readonly lookups: ConnectorLookups;
    };

/** What the file starts with, before any customer. */
export function headOf(plan: ExportPlan): string {
  return plan.format === 'csv' ? CSV_BOM + csvRecord(plan.columns.map((c) => c.label)) : '';
}

export function textOfRows(plan: ExportPlan, rows: readonly CustomerRow[]): string {
  let text = '';
  for (const row of rows) text += textOfRow(plan, row);
  return text;
}

/** One customer's text: its CSV record, or the cards of its contacts one after another. */
export function textOfRow(plan: ExportPlan, row: CustomerRow): string {
  if (plan.format === 'csv') return csvRecord(plan.columns.map((column) => column.value(row)));
  let text = '';
  for (const card of plan.descriptor.contactCards(row.record, plan.lookups)) text += vcardOf(card);
  return text;
}
