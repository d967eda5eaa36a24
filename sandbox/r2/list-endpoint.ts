// `GET customers`: `page` (1-based) and `pagesize` (≤ 500, default 100), total rows in
// `X-Total-Count`, equality filters by list column (`?customerstatus=Active&customercity=Leeds`)
// or by a text field of the customer the list does not show (`?salespersonid=SP-3`: "my customers"),
// and `updatedsince=MM/dd/yyyy HH:mm` (inclusive: minute precision must not lose same-minute
// changes; clients de-duplicate by recordid).
import {
  r2DefaultSynchronizer2,
  r2ListedSynchronizer2,
  type R2ListRow,
} from '../../src-shared/connectors/r2/api';
import { r2CustomerTextKeys } from '../../src-shared/connectors/r2/api/customer';
import { json, type SandboxResponse } from '../http/respond';
import { customerAtRow } from './list-cache';
import { r2ListColumns, rowCount, rowsOf } from './list-rows';
import { parseR2DateTime } from './r2-dates';
import { r2Errors, type R2FieldError } from './r2-errors';
import type { R2State } from './r2-state';

export const maxPageSize = 500;
const defaultPageSize = 100;

interface ListQuery {
  page: number;
  pageSize: number;
  updatedSince: number | undefined;
  filters: [column: keyof R2ListRow, value: string][];
  /** Filters on the customer's own fields (by-ID only), e.g. salespersonid. */
  customerFilters: [field: string, value: string][];
}

export function listCustomers(state: R2State, query: URLSearchParams): SandboxResponse {
  // CPU time, not wall time: on a busy machine the wall clock would count other processes' turns.
  const started = process.cpuUsage();
  const parsed = parseQuery(query);
  if ('errors' in parsed) return r2Errors(400, parsed.errors);
  const response =
    parsed.filters.length === 0 && parsed.customerFilters.length === 0
      ? pageOfListing(state, parsed)
      : filteredPage(state, parsed);
  state.listCache.served.pages += 1;
  const used = process.cpuUsage(started);
  state.listCache.served.ms += (used.user + used.system) / 1000;
  return response;
}

/**
 * Plain paging (a pull): the page's first customer found by binary search over the cached
 * listing; with `updatedsince`, a walk over the listing (a delta is a short list).
 */
function pageOfListing(state: R2State, query: ListQuery): SandboxResponse {
  const { page, pageSize, updatedSince } = query;
  const { customers, totalRows } = state.listCache.listing(state);
  const first = (page - 1) * pageSize;
  const rows: R2ListRow[] = [];
  let total = totalRows;
  if (updatedSince === undefined) {
    for (let at = customerAtRow(customers, first); at < customers.length; at += 1) {
      const { stored, firstRow } = customers[at]!;
      let index = firstRow;
      for (const row of rowsOf(stored.customer))
        if (index++ >= first && rows.length < pageSize) rows.push(row);
      if (rows.length === pageSize) break;
    }
  } else {
    total = 0;
    for (const { stored } of customers) {
      if (stored.updatedAt < updatedSince) continue;
      const count = rowCount(stored.customer);
      if (total + count > first && rows.length < pageSize) {
        let index = total;
        for (const row of rowsOf(stored.customer))
          if (index++ >= first && rows.length < pageSize) rows.push(row);
      }
      total += count;
    }
  }
  // Serialised here, so the time this sandbox spends on a page (its "share") includes it.
  return {
    status: 200,
    body: JSON.stringify(rows),
    headers: { 'content-type': 'application/json', 'x-total-count': String(total) },
  };
}

/** Filters by list column or by the customer's own fields: rows built and compared one by one. */
function filteredPage(state: R2State, query: ListQuery): SandboxResponse {
  const { page, pageSize, updatedSince, filters, customerFilters } = query;
  const first = (page - 1) * pageSize;
  const rows: R2ListRow[] = [];
  let total = 0;
  for (const { customer, updatedAt } of state.customers.values()) {
    if (!r2ListedSynchronizer2.includes(customer.synchronizer2 ?? r2DefaultSynchronizer2)) continue;
    if (updatedSince !== undefined && updatedAt < updatedSince) continue;
    const fields = customer as unknown as Record<string, unknown>;
    if (!customerFilters.every(([field, value]) => cellText(fields[field]) === value)) continue;
    for (const row of rowsOf(customer)) {
      if (!filters.every(([column, value]) => cellText(row[column]) === value)) continue;
      if (total >= first && rows.length < pageSize) rows.push(row);
      total += 1;
    }
  }
  return json(200, rows, { 'x-total-count': String(total) });
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function parseQuery(query: URLSearchParams): ListQuery | { errors: R2FieldError[] } {
  const errors: R2FieldError[] = [];
  const page = integerParameter(query, 'page', 1, errors, 'Page must be a whole number from 1');
  const pageSize = integerParameter(
    query,
    'pagesize',
    defaultPageSize,
    errors,
    `Page size must be a whole number from 1 to ${maxPageSize}`,
  );
  if (pageSize > maxPageSize)
    errors.push({
      field: 'pagesize',
      message: `Page size must be a whole number from 1 to ${maxPageSize}`,
    });
  let updatedSince: number | undefined;
  const since = query.get('updatedsince');
  if (since !== null) {
    updatedSince = parseR2DateTime(since.trim());
    if (updatedSince === undefined)
      errors.push({
        field: 'updatedsince',
        message: 'Use the date and time format MM/dd/yyyy HH:mm',
      });
  }
  const filters: ListQuery['filters'] = [];
  const customerFilters: ListQuery['customerFilters'] = [];
  for (const [name, value] of query) {
    if (name === 'page' || name === 'pagesize' || name === 'updatedsince') continue;
    const column = r2ListColumns.find((candidate) => candidate === name);
    if (column) filters.push([column, value]);
    else if ((r2CustomerTextKeys as readonly string[]).includes(name))
      customerFilters.push([name, value]);
    else
      errors.push({
        field: name,
        message: `"${name}" is not a field of a customer and cannot be filtered on`,
      });
  }
  return errors.length > 0
    ? { errors }
    : { page, pageSize, updatedSince, filters, customerFilters };
}

function integerParameter(
  query: URLSearchParams,
  name: string,
  fallback: number,
  errors: R2FieldError[],
  message: string,
): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) errors.push({ field: name, message });
  return value;
}
