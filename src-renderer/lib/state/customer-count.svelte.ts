// How many customers the active connection has on its server. Revnue lists the company's
// customers in one call. R2's list has one row per contact (a customer without contacts still
// has one), so its total counts rows, not customers: the count pages through the rows and counts
// distinct record ids. Only the latest request counts, so switching connections quickly never
// shows the previous one's number.
import type { ConnectionView } from '../../../src-shared/connection';
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { Result } from '../../../src-shared/ipc/result';
import { describeError } from './error-message';

export type CountedConnection = Pick<ConnectionView, 'id' | 'kind'>;

export class CustomerCountState {
  count = $state<number | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  readonly #api: FieldbookApi;
  #latest = 0;

  constructor(api: FieldbookApi) {
    this.#api = api;
  }

  async load(connection: CountedConnection): Promise<void> {
    const request = ++this.#latest;
    this.loading = true;
    this.error = null;
    this.count = null;
    const answer = await countCustomers(this.#api, connection, () => request === this.#latest);
    if (request !== this.#latest) return;
    this.loading = false;
    if (answer.ok) this.count = answer.value;
    else this.error = describeError(answer.error);
  }

  /** Forget the number and ignore any answer still on its way. */
  clear(): void {
    this.#latest += 1;
    this.loading = false;
    this.error = null;
    this.count = null;
  }
}

/** R2's largest page: the fewest requests against the account's shared rate limit. */
const r2PageSize = 500;

async function countCustomers(
  api: FieldbookApi,
  connection: CountedConnection,
  stillWanted: () => boolean,
): Promise<Result<number>> {
  const connectionId = connection.id;
  if (connection.kind === 'revnue-v2') {
    // Revnue has no pagination and no total: the list is the count.
    const answer = await api.revnue.customers.list({ connectionId });
    return answer.ok ? { ok: true, value: answer.value.length } : answer;
  }
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local tally, never rendered
  const customers = new Set<string>();
  let rowsSeen = 0;
  for (let page = 1; stillWanted(); page += 1) {
    const answer = await api.r2.customers.list({ connectionId, page, pageSize: r2PageSize });
    if (!answer.ok) return answer;
    for (const row of answer.value.rows) customers.add(row.recordid);
    rowsSeen += answer.value.rows.length;
    if (answer.value.rows.length < r2PageSize || rowsSeen >= answer.value.total) break;
  }
  return { ok: true, value: customers.size };
}
