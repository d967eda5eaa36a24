// The Revnue v2 sync adapter: the engine's few operations over `window.fieldbook.revnue.*`, with
// the wire ⇄ record mappings. Revnue lists every customer of the company in one unpaged answer;
// main reads it off the wire and hands it over in pages through a list cursor, which this adapter
// turns into the engine's pull pages. Only a list read to its end says it was complete.
import {
  revnueRecordFromResponse,
  type RevnueCustomerRecord,
  type RevnueCustomerResponse,
} from '../../../../../src-shared/connectors/revnue-v2/api';
import type { ConnectorLookups } from '../../../../../src-shared/connectors/descriptor';
import { revnueDescriptor } from '../../../../../src-shared/connectors/revnue-v2/descriptor';
import { revnueLookup } from '../../../../../src-shared/connectors/revnue-v2/lookups';
import type { FieldbookApi } from '../../../../../src-shared/ipc/fieldbook-api';
import { fail, ok, type Result } from '../../../../../src-shared/ipc/result';
import { revnueCreateBody, revnueUpdateBody } from '../../../../../src-shared/sync/connectors';
import type { SyncAdapter } from '../../sync-adapter';
import { notSendable, readServerData } from '../adapter-results';

export interface RevnueAdapterConnection {
  readonly id: string;
  /** The company the connection works in (1 for single-company accounts). */
  readonly company: number;
}

export interface RevnueAdapterOptions {
  /** Customers per pull page (main answers at most 2,000, and 1,000 when not asked); tests ask for fewer. */
  readonly listPageSize?: number;
}

export function createRevnueAdapter(
  api: FieldbookApi,
  connection: RevnueAdapterConnection,
  options: RevnueAdapterOptions = {},
): SyncAdapter<RevnueCustomerRecord> {
  const connectionId = connection.id;
  const max = options.listPageSize;
  const nextPage = (cursor: string) =>
    api.revnue.customers.listNext({ connectionId, cursor, ...(max ? { max } : {}) });
  let lookups: ConnectorLookups = {};
  const templates = () => revnueLookup(lookups, 'templates');

  /** A server customer as a local record (country names need the cached country list). */
  const recordOf = (response: RevnueCustomerResponse) =>
    readServerData('a customer', response, (customer) =>
      revnueRecordFromResponse(customer, {
        countries: revnueLookup(lookups, 'countries') ?? [],
        company: connection.company,
        templates: templates(),
      }),
    );

  const saved = (answer: Result<RevnueCustomerResponse>) => {
    if (!answer.ok) return answer;
    const record = recordOf(answer.value);
    return record.ok ? ok({ serverId: String(answer.value.id), record: record.value }) : record;
  };

  return {
    descriptor: revnueDescriptor,
    connectionId,

    async pullPage(cursor) {
      let reading = isListRead(cursor) ? cursor : null;
      if (!reading) {
        const opened = await api.revnue.customers.listOpen({ connectionId });
        if (!opened.ok) return opened;
        reading = { listCursor: opened.value.cursor, received: 0 };
      }
      const page = await nextPage(reading.listCursor);
      if (!page.ok) return page;
      // One unreadable customer fails the pull, in words: the pages stored so far stay, but the
      // listing never counts as complete, so nobody left out is taken for deleted on the server.
      const records = [];
      for (const response of page.value.customers) {
        const record = recordOf(response);
        if (!record.ok) {
          void api.revnue.customers.listClose({ connectionId, cursor: reading.listCursor });
          return record;
        }
        records.push({
          serverId: String(response.id),
          record: record.value,
          hydration: 'full' as const,
        });
      }
      const received = reading.received + records.length;
      const { done } = page.value;
      return ok({
        records,
        next: done ? null : { listCursor: reading.listCursor, received },
        // No total: Revnue does not say how many it will send until the list has ended.
        done: received,
        total: done ? received : null,
        ...(done ? { checkpoint: null, complete: true } : {}),
      });
    },

    async get(serverId) {
      const id = revnueId(serverId);
      if (!id.ok) return id;
      const answer = await api.revnue.customers.get({ connectionId, id: id.value });
      return answer.ok ? recordOf(answer.value) : answer;
    },

    async create(record) {
      const body = revnueCreateBody(record, templates());
      if (!body.ok) return notSendable(body.errors);
      return saved(await api.revnue.customers.create({ connectionId, body: body.value }));
    },

    async push(serverId, merge, theirs) {
      const id = revnueId(serverId);
      if (!id.ok) return id;
      // `theirs`: a PUT sends null only to clear a field the server has set.
      const body = revnueUpdateBody(merge, theirs, templates());
      if (!body.ok) return notSendable(body.errors);
      if (body.value === null) return ok(theirs); // the server already has every local change
      const answer = await api.revnue.customers.update({
        connectionId,
        id: id.value,
        body: body.value,
      });
      return answer.ok ? recordOf(answer.value) : answer;
    },

    async findLostCreate(record) {
      // The name is unique per account: the customer with our name is the one our create made
      // (a create without a name was refused before it reached the server).
      const name = record.name.trim();
      if (name === '') return ok(null);
      const found = await api.revnue.customers.findByName({ connectionId, name });
      if (!found.ok || found.value === null) return found.ok ? ok(null) : found;
      return saved(ok(found.value));
    },

    async fetchLookups() {
      const [companies, categories, countries, customFieldTemplates] = await Promise.all([
        api.revnue.lookups.companies({ connectionId }),
        api.revnue.lookups.categories({ connectionId }),
        api.revnue.lookups.countries({ connectionId }),
        api.revnue.lookups.customFieldTemplates({ connectionId }),
      ]);
      if (!companies.ok) return companies;
      if (!categories.ok) return categories;
      if (!countries.ok) return countries;
      if (!customFieldTemplates.ok) return customFieldTemplates;
      return ok({
        companies: companies.value,
        categories: categories.value,
        countries: countries.value,
        templates: customFieldTemplates.value,
      });
    },

    useLookups(next) {
      lookups = next;
    },

    async countCustomers(stillWanted) {
      // Revnue has no pagination and no total: the list is the count, read page by page.
      const opened = await api.revnue.customers.listOpen({ connectionId });
      if (!opened.ok) return opened;
      const cursor = opened.value.cursor;
      let count = 0;
      for (;;) {
        if (!stillWanted()) {
          void api.revnue.customers.listClose({ connectionId, cursor });
          return ok(count);
        }
        const page = await nextPage(cursor);
        if (!page.ok) return page;
        count += page.value.customers.length;
        if (page.value.done) return ok(count);
      }
    },

    async ownCustomerIds() {
      // Revnue records carry no salesperson: every customer is in the one offline scope, 'all'.
      return ok(null);
    },
  };
}

/** A store key as Revnue's numeric id; anything else is not a Revnue customer id at all. */
function revnueId(serverId: string): Result<number> {
  const id = /^\d+$/.test(serverId) ? Number(serverId) : NaN;
  if (Number.isSafeInteger(id) && id > 0) return ok(id);
  return fail('bad_response', `“${serverId}” is not a Revnue customer id.`);
}

/** Where a Revnue pull is: main's list cursor and how many customers came so far. */
interface ListRead {
  readonly listCursor: string;
  readonly received: number;
}

function isListRead(cursor: unknown): cursor is ListRead {
  return (
    typeof cursor === 'object' &&
    cursor !== null &&
    typeof (cursor as Partial<ListRead>).listCursor === 'string' &&
    typeof (cursor as Partial<ListRead>).received === 'number'
  );
}
