// Every R2 path and query convention in one place (docs/architecture.md#unibiz-r2): `page`
// (1-based) and `pagesize` (≤ 500), total in `X-Total-Count`, equality filters by field name,
// `updatedsince`.

export const r2Endpoints = {
  customers: 'customers',
  customer: (id: string) => `customers/${encodeURIComponent(id)}`,
} as const;

export const r2Query = {
  page: 'page',
  pageSize: 'pagesize',
  updatedSince: 'updatedsince',
  totalHeader: 'x-total-count',
} as const;

export const R2_MAX_PAGE_SIZE = 500;
export const R2_DEFAULT_LIMIT_PER_MINUTE = 600;
