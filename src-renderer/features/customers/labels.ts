// The words of the customer list: badges, sync-state filter choices, counts.
import type { RowBadge } from '../../lib/search/search-types';

export const badgeLabels: Readonly<Record<RowBadge, string>> = {
  synced: 'Synced',
  waiting: 'Waiting to sync',
  rejected: 'Rejected',
  conflict: 'Conflict',
  not_downloaded: 'Not downloaded',
};

const numbers = new Intl.NumberFormat();

export function countWords(count: number, total: number, filtered: boolean): string {
  const noun = (n: number) => (n === 1 ? 'customer' : 'customers');
  if (!filtered) return `${numbers.format(total)} ${noun(total)}`;
  return `${numbers.format(count)} of ${numbers.format(total)} ${noun(total)}`;
}

export const formatNumber = (value: number) => numbers.format(value);
