// Revnue's unpaged customer list, read from the wire a page at a time: bytes come off the HTTP body
// only when the caller asks for the next page, each customer is checked with the zod schema as it
// arrives, and a list that is cut off or holds an unreadable customer ends in a `bad_response`.
import {
  revnueCustomerResponseSchema,
  type RevnueCustomerResponse,
} from '../../../src-shared/connectors/revnue-v2/api';
import { fail, ok, type Result } from '../../../src-shared/ipc/result';
import type { HttpBodyStream } from '../../http/http-body-stream';
import { JsonArraySplitter, JsonListError } from '../../http/json-array-splitter';

export interface CustomerPage {
  readonly customers: RevnueCustomerResponse[];
  /** True once the whole list was read to its closing bracket: nothing more will come. */
  readonly done: boolean;
}

export interface CustomerListStream {
  /** The next at most `max` customers; after a failure every call answers that failure. */
  next(max: number): Promise<Result<CustomerPage>>;
  /** Drops the rest of the list (an abandoned pull): the connection is released. */
  close(): void;
}

const WHAT = 'a customer list';

/**
 * Customers per page when the caller does not ask for a number (the contract allows up to 2,000).
 * A page exists several times over while it is in flight (parsed, the schema's output, the
 * router's checked copy, the serialized answer); at 2,000 that outlives V8's young generation, is
 * promoted and lifts main's high-water mark, while at 1,000 it mostly dies young: in the heap lab
 * (bench/lab/revnue-stream-heap.ts, 90,220 customers) main grew by 127 MB with pages of 2,000 and
 * 45 MB with pages of 1,000 (docs/performance.md, "Revnue: a streamed list").
 */
export const CUSTOMER_PAGE_DEFAULT = 1_000;

export function customerListStream(body: HttpBodyStream): CustomerListStream {
  const splitter = new JsonArraySplitter('customers');
  /** Element texts read off the wire but not handed out yet (at most one chunk's worth). */
  let waiting: string[] = [];
  let handedOut = 0;
  let ended = false;
  let failure: Result<never> | undefined;

  const unreadable = (reason: string, separator = ': '): Result<never> =>
    fail(
      'bad_response',
      `The server sent ${WHAT} Fieldbook does not understand${separator}${reason}.`,
    );

  async function fill(max: number): Promise<Result<null>> {
    while (!ended && waiting.length < max) {
      const bytes = await body.read();
      if (!bytes.ok) return bytes;
      try {
        if (bytes.value === null) {
          splitter.end();
          ended = true;
        } else {
          const texts = splitter.write(bytes.value);
          for (const text of texts) waiting.push(text);
        }
      } catch (error) {
        if (error instanceof JsonListError) return unreadable(error.message);
        throw error;
      }
    }
    return ok(null);
  }

  function customerAt(text: string, index: number): Result<RevnueCustomerResponse> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return unreadable(`customer ${index + 1} is not valid JSON`);
    }
    // The same words as when the list was checked whole: the path starts with the list index.
    const checked = revnueCustomerResponseSchema.safeParse(value);
    if (checked.success) return ok(checked.data);
    const first = checked.error.issues[0];
    const where = [index, ...(first?.path ?? [])].map(String).join('.');
    return unreadable(`at ${where}: ${first?.message ?? 'invalid'}`, ' ');
  }

  const stop = (result: Result<never>): Result<never> => {
    failure = result;
    waiting = [];
    body.cancel();
    return result;
  };

  return {
    async next(max) {
      if (failure) return failure;
      const filled = await fill(max);
      if (!filled.ok) return stop(filled);
      const texts = waiting.length <= max ? waiting : waiting.slice(0, max);
      waiting = waiting.length <= max ? [] : waiting.slice(max);
      const customers: RevnueCustomerResponse[] = [];
      for (const text of texts) {
        const customer = customerAt(text, handedOut);
        if (!customer.ok) return stop(customer);
        customers.push(customer.value);
        handedOut += 1;
      }
      return ok({ customers, done: ended && waiting.length === 0 });
    },
    close() {
      waiting = [];
      ended = true;
      body.cancel();
    },
  };
}
