// The Unibiz R2 sync adapter: the engine's few operations over `window.fieldbook.r2.*`. Pulls
// are paged summaries (r2-pull.ts); every full record read from R2 goes through r2RecordFromWire.
import {
  r2NaturalKey,
  r2RecordFromWire,
  type R2Customer,
  type R2CustomerRecord,
} from '../../../../../src-shared/connectors/r2/api';
import { r2Descriptor } from '../../../../../src-shared/connectors/r2/descriptor';
import type { FieldbookApi } from '../../../../../src-shared/ipc/fieldbook-api';
import { ok, type Result } from '../../../../../src-shared/ipc/result';
import { r2CreateBody, r2UpdateRequest } from '../../../../../src-shared/sync/connectors';
import type { SyncAdapter } from '../../sync-adapter';
import { notSendable, readServerData } from '../adapter-results';
import { bestMatch } from './lost-create';
import { foldR2Page, isR2PullCursor, startR2Pull } from './pull';

/** R2 returns at most 500 rows a page (`pagesize` ≤ 500): the fewest requests for a full pull. */
export const R2_PULL_PAGE_SIZE = 500;
const minuteMs = 60_000;

export interface R2AdapterOptions {
  /** Rows per list page (tests use small pages to make customers straddle page breaks). */
  readonly pageSize?: number;
}

export function createR2Adapter(
  api: FieldbookApi,
  connection: { readonly id: string },
  options: R2AdapterOptions = {},
): SyncAdapter<R2CustomerRecord> {
  const connectionId = connection.id;
  const pageSize = options.pageSize ?? R2_PULL_PAGE_SIZE;

  const recordOf = (customer: R2Customer) =>
    readServerData('a customer', customer, r2RecordFromWire);

  async function get(serverId: string): Promise<Result<R2CustomerRecord>> {
    const answer = await api.r2.customers.get({ connectionId, id: serverId });
    return answer.ok ? recordOf(answer.value) : answer;
  }

  return {
    descriptor: r2Descriptor,
    connectionId,

    async pullPage(cursor, checkpoint, now) {
      const state = isR2PullCursor(cursor) ? cursor : startR2Pull(checkpoint, now);
      const listed = await api.r2.customers.list({
        connectionId,
        page: state.page,
        pageSize,
        ...(state.updatedSince !== null ? { updatedSince: state.updatedSince } : {}),
      });
      if (!listed.ok) return listed;
      return readServerData('a customer list', listed.value, (page) =>
        foldR2Page(state, page, pageSize),
      );
    },

    get,

    async create(record) {
      const body = r2CreateBody(record);
      if (!body.ok) return notSendable(body.errors);
      const answer = await api.r2.customers.create({ connectionId, body: body.value });
      if (!answer.ok) return answer;
      const created = recordOf(answer.value.customer);
      return created.ok ? ok({ serverId: answer.value.id, record: created.value }) : created;
    },

    async push(serverId, merge, theirs) {
      const request = r2UpdateRequest(merge);
      if (!request.ok) return notSendable(request.errors);
      if (request.value === null) return ok(theirs); // the server already has every local change
      if (request.value.method === 'PUT') {
        const answer = await api.r2.customers.update({
          connectionId,
          id: serverId,
          body: request.value.body,
        });
        return answer.ok ? recordOf(answer.value) : answer;
      }
      const answer = await api.r2.customers.patch({
        connectionId,
        id: serverId,
        body: request.value.body,
      });
      if (!answer.ok) return answer;
      // R2 may answer a PATCH without a body: then read what it now holds.
      return answer.value === null ? get(serverId) : recordOf(answer.value);
    },

    async findLostCreate(record, firstAttemptAt) {
      const key = r2NaturalKey(record);
      const companyname = record.companyname.trim();
      // Without a name the create was refused before it was sent: nothing to find.
      if (!('customerid' in key) && companyname === '') return ok(null);
      const found = await api.r2.customers.findByNaturalKey({
        connectionId,
        ...('customerid' in key ? { customerid: key.customerid } : { companyname }),
        // R2 keeps minutes: our customer was created in or after the minute of the first attempt.
        createdAfter: new Date(Math.floor(firstAttemptAt / minuteMs) * minuteMs).toISOString(),
      });
      if (!found.ok) return found;
      const candidates = [];
      for (const customer of found.value) {
        const candidate = recordOf(customer);
        if (!candidate.ok) return candidate;
        candidates.push({ serverId: customer.recordid, record: candidate.value });
      }
      return ok(bestMatch(record, candidates));
    },

    async fetchLookups() {
      return ok({}); // R2's enums are part of its schema; it needs no lookup lists offline
    },

    useLookups() {},

    async countCustomers(stillWanted) {
      const customers = new Set<string>();
      let rowsSeen = 0;
      for (let page = 1; stillWanted(); page += 1) {
        const answer = await api.r2.customers.list({ connectionId, page, pageSize });
        if (!answer.ok) return answer;
        for (const row of answer.value.rows) customers.add(row.recordid);
        rowsSeen += answer.value.rows.length;
        if (answer.value.rows.length < pageSize || rowsSeen >= answer.value.total) break;
      }
      return ok(customers.size);
    },

    async ownCustomerIds(salespersonId) {
      const ids = new Set<string>();
      for (let page = 1; ; page += 1) {
        const listed = await api.r2.customers.list({
          connectionId,
          page,
          pageSize: R2_PULL_PAGE_SIZE,
          filters: { salespersonid: salespersonId },
        });
        if (!listed.ok) return listed;
        for (const row of listed.value.rows) ids.add(row.recordid);
        const last =
          listed.value.rows.length < R2_PULL_PAGE_SIZE ||
          page * R2_PULL_PAGE_SIZE >= listed.value.total;
        if (last) return ok(ids);
      }
    },
  };
}
