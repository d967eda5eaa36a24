// Unibiz R2 "Customers" over HTTP: paged list with filters, get by id, create (id from Location),
// PUT, PATCH, and the natural-key lookup that tells whether a create whose answer was lost landed.
import {
  r2CustomerSchema,
  r2ListPageSchema,
  r2MatchesNaturalKey,
  r2NaturalKey,
  type R2Customer,
  type R2CustomerPatch,
  type R2CustomerWrite,
  type R2ListRow,
} from '../../../src-shared/connectors/r2/api';
import { fail, ok, type Result } from '../../../src-shared/ipc/result';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { idFromLocation } from '../../http/location';
import { parseAnswer, parseBody } from '../../http/parse-body';
import { r2Endpoints as paths, r2Query, R2_MAX_PAGE_SIZE } from './endpoints';
import { instantToR2Wall, r2WallAtOrAfter } from './server-clock';

export interface R2ListQuery {
  /** 1-based; default 1. */
  page?: number;
  /** Default and maximum 500. */
  pageSize?: number;
  /** An instant (ISO 8601 with offset); sent as the server's wall-clock minute. */
  updatedSince?: string;
  /** Equality filters by list column, e.g. `{ customerid: 'C-1' }`. */
  filters?: Record<string, string>;
}

export interface R2ListPage {
  rows: R2ListRow[];
  /** From `X-Total-Count`; without it, what the rows seen so far prove (see `totalOf`). */
  total: number;
}

export interface R2NaturalKeyQuery {
  customerid?: string;
  companyname?: string;
  /** An instant (ISO with offset): only records created in or after this minute count. */
  createdAfter?: string;
}

export interface R2Connector {
  list(query: R2ListQuery): Promise<Result<R2ListPage>>;
  get(id: string): Promise<Result<R2Customer>>;
  /** POST; the new id comes from `Location`, the record from the body (or a GET without one). */
  create(body: R2CustomerWrite): Promise<Result<{ id: string; customer: R2Customer }>>;
  update(id: string, body: R2CustomerWrite): Promise<Result<R2Customer>>;
  /** Null when R2 answers the PATCH without a body. */
  patch(id: string, body: R2CustomerPatch): Promise<Result<R2Customer | null>>;
  /** Every matching customer, read by id; the list only finds the ids (its rows are summaries). */
  findByNaturalKey(key: R2NaturalKeyQuery): Promise<Result<R2Customer[]>>;
}

export interface R2ConnectorOptions {
  /** The R2 server's wall clock relative to UTC, in minutes (default 0). */
  serverUtcOffsetMinutes?: number;
}

const NATURAL_KEY_PAGE_SIZE = 100;

function totalOf(header: string | null, page: number, pageSize: number, rows: number): number {
  if (header !== null && /^\d+$/.test(header.trim())) return Number(header);
  const seen = (page - 1) * pageSize + rows;
  // No header: a short page proves the end; a full one proves at least one more row may follow.
  return rows < pageSize ? seen : seen + 1;
}

export function createR2Connector(http: HttpClient, options: R2ConnectorOptions = {}): R2Connector {
  const offset = options.serverUtcOffsetMinutes ?? 0;

  async function list(query: R2ListQuery): Promise<Result<R2ListPage>> {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? R2_MAX_PAGE_SIZE, R2_MAX_PAGE_SIZE);
    let since: string | undefined;
    try {
      since = query.updatedSince ? instantToR2Wall(query.updatedSince, offset) : undefined;
    } catch (error) {
      return fail('validation', (error as Error).message, {
        fields: { updatedSince: [(error as Error).message] },
      });
    }
    const response = await http.request({
      method: 'GET',
      path: paths.customers,
      searchParams: {
        ...query.filters,
        [r2Query.page]: page,
        [r2Query.pageSize]: pageSize,
        ...(since ? { [r2Query.updatedSince]: since } : {}),
      },
    });
    if (!response.ok) return response;
    const { body, headers } = response.value;
    const listed = Array.isArray(body) ? body.length : 0;
    const total = totalOf(headers.get(r2Query.totalHeader), page, pageSize, listed);
    // Checked here with the IPC contract's own schema: `r2.customers.list` answers this page as
    // it is, and the router then accepts it without walking its rows a second time.
    return parseAnswer(r2ListPageSchema, { rows: body, total }, 'a customer list', 'rows');
  }

  async function get(id: string): Promise<Result<R2Customer>> {
    const response = await http.request({ method: 'GET', path: paths.customer(id) });
    if (!response.ok) return response;
    return parseBody(r2CustomerSchema, response.value.body, 'a customer');
  }

  /** The record a write answered with, or a fresh GET when it answered without one. */
  async function recordAfterWrite(id: string, response: HttpResponse): Promise<Result<R2Customer>> {
    if (response.body === undefined) return get(id);
    return parseBody(r2CustomerSchema, response.body, 'a saved customer');
  }

  async function matchingIds(filters: Record<string, string>): Promise<Result<string[]>> {
    const ids = new Set<string>();
    for (let page = 1; ; page += 1) {
      const listed = await list({ page, pageSize: NATURAL_KEY_PAGE_SIZE, filters });
      if (!listed.ok) return listed;
      for (const row of listed.value.rows) ids.add(row.recordid);
      const seen = (page - 1) * NATURAL_KEY_PAGE_SIZE + listed.value.rows.length;
      if (listed.value.rows.length < NATURAL_KEY_PAGE_SIZE || seen >= listed.value.total) break;
    }
    return ok([...ids]);
  }

  return {
    list,
    get,
    async create(body) {
      const response = await http.request({ method: 'POST', path: paths.customers, json: body });
      if (!response.ok) return response;
      const id = idFromLocation(
        response.value.headers.get('location'),
        response.value.url,
        paths.customers,
      );
      if (!id) {
        return fail(
          'bad_response',
          'The server saved the customer but did not say under which id ' +
            '(no Location header on its own address naming a customer).',
        );
      }
      const customer = await recordAfterWrite(id, response.value);
      return customer.ok ? ok({ id, customer: customer.value }) : customer;
    },
    async update(id, body) {
      const response = await http.request({ method: 'PUT', path: paths.customer(id), json: body });
      return response.ok ? recordAfterWrite(id, response.value) : response;
    },
    async patch(id, body) {
      const response = await http.request({
        method: 'PATCH',
        path: paths.customer(id),
        json: body,
      });
      if (!response.ok) return response;
      if (response.value.body === undefined) return ok(null);
      return parseBody(r2CustomerSchema, response.value.body, 'a saved customer');
    },
    async findByNaturalKey(query) {
      if (!query.customerid && !query.companyname) {
        return fail('validation', 'Give a customer ID or a company name to look for.');
      }
      let createdWall: string | undefined;
      try {
        createdWall = query.createdAfter ? instantToR2Wall(query.createdAfter, offset) : undefined;
      } catch (error) {
        return fail('validation', (error as Error).message);
      }
      const key = r2NaturalKey({
        customerid: query.customerid,
        companyname: query.companyname ?? '',
      });
      const filters: Record<string, string> = query.customerid
        ? { customerid: query.customerid.trim() }
        : { companyname: (query.companyname ?? '').trim() };
      const ids = await matchingIds(filters);
      if (!ids.ok) return ids;
      const found: R2Customer[] = [];
      for (const id of ids.value) {
        const customer = await get(id);
        if (!customer.ok) {
          if (customer.error.kind === 'not_found') continue; // deleted between list and get
          return customer;
        }
        const record = customer.value;
        if (!r2MatchesNaturalKey(key, record)) continue;
        if (createdWall && !r2WallAtOrAfter(record.createddate, createdWall)) continue;
        found.push(record);
      }
      return ok(found);
    },
  };
}
