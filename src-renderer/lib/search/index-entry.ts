// What the search index keeps of one customer row: the texts it shows, the folded text it
// searches, its phones by digits, its filter values and its sort keys. Built from the connector's
// descriptor, so nothing here knows which API the row came from.
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../src-shared/connectors/descriptor';
import type { CustomerRow } from '../db/rows';
import { fold, phoneForms } from './fold';
import type { DisplayRow, RowBadge } from './search-types';

export interface IndexEntry {
  readonly display: DisplayRow;
  /** Folded searchable texts joined by '\n' (a term never matches across two fields). */
  readonly text: string;
  readonly digits: string;
  /** By the descriptor's facet order. */
  readonly facets: readonly string[];
  /** Folded sort keys: 'name' first, then one per list column. */
  readonly sortKeys: Readonly<Record<string, string>>;
}

export function badgeOf(row: Pick<CustomerRow, 'syncState' | 'hydration'>): RowBadge {
  return row.syncState === 'synced' && row.hydration === 'summary'
    ? 'not_downloaded'
    : row.syncState;
}

export function entryOf<T>(
  row: CustomerRow<T>,
  descriptor: ConnectorDescriptor<T>,
  lookups: ConnectorLookups,
): IndexEntry {
  const { record } = row;
  const name = descriptor.displayName(record);
  const cells = descriptor.listColumns.map((column) => column.value(record, lookups));
  const search = descriptor.listSearch;
  const texts = search ? search.text(record, lookups) : [name];
  const sortKeys: Record<string, string> = { name: fold(name) };
  descriptor.listColumns.forEach((column, index) => {
    sortKeys[column.id] = fold(cells[index] ?? '');
  });
  return {
    display: { key: row.key, name, cells, badge: badgeOf(row) },
    text: texts
      .filter((text) => text !== '')
      .map(fold)
      .join('\n'),
    digits: phoneForms(search ? search.phones(record) : []),
    facets: (search?.facets ?? []).map((facet) => facet.value(record, lookups)),
    sortKeys,
  };
}
