// Revnue's list read page by page: pages of the asked size, bytes taken off the wire only as pages
// are asked for, and a body that is cut off or holds an unreadable customer fails in words.
import { describe, expect, test } from 'vitest';
import { systemClock } from '../../../src-shared/time/clock';
import { HttpBodyStream } from '../../http/http-body-stream';
import { customerListStream } from './customer-list-stream';

const customer = (id: number) => ({ id, name: `Customer ${id}`, city: 'Oslo' });

/** A body that hands out `pieces` one per pull and counts the pulls; `fail` breaks the wire. */
function wire(pieces: string[], options: { fail?: boolean } = {}) {
  const encoder = new TextEncoder();
  let next = 0;
  const state = { pulls: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulls += 1;
        const piece = pieces[next++];
        if (piece !== undefined) controller.enqueue(encoder.encode(piece));
        else if (options.fail) controller.error(new TypeError('terminated'));
        else controller.close();
      },
      cancel() {
        state.cancelled = true;
      },
    },
    // No read-ahead: a pull happens only when the reader asks, as with TCP backpressure.
    { highWaterMark: 0 },
  );
  const stream = customerListStream(
    new HttpBodyStream(body, new AbortController(), 5_000, systemClock),
  );
  return { stream, state };
}

/** `count` customers as list text, one customer per piece. */
function listPieces(count: number): string[] {
  const pieces = Array.from(
    { length: count },
    (_, index) => (index === 0 ? '[' : ',') + JSON.stringify(customer(index + 1)),
  );
  return [...pieces, ']'];
}

describe('customerListStream', () => {
  test('answers pages of at most the asked size, done only with the last', async () => {
    const { stream } = wire(listPieces(5));
    const sizes = [];
    for (;;) {
      const page = await stream.next(2);
      if (!page.ok) throw new Error(page.error.message);
      sizes.push(page.value.customers.length);
      if (page.value.done) break;
    }
    expect(sizes).toEqual([2, 2, 1]);
  });

  test('reads from the wire only as far as the page asked for needs', async () => {
    const { stream, state } = wire(listPieces(100));
    const page = await stream.next(3);
    expect(page.ok && page.value.customers.map((c) => c.id)).toEqual([1, 2, 3]);
    // Three customers, one piece each: the rest of the list is still on the wire.
    expect(state.pulls).toBeLessThanOrEqual(4);
    const later = await stream.next(2);
    expect(later.ok && later.value.customers.map((c) => c.id)).toEqual([4, 5]);
    expect(state.pulls).toBeLessThanOrEqual(6);
  });

  test('a list cut off half-way fails after the pages already handed out', async () => {
    const pieces = listPieces(5).slice(0, 4); // no fifth customer, no closing bracket
    const { stream, state } = wire(pieces);
    const first = await stream.next(2);
    expect(first.ok && first.value).toMatchObject({ done: false });
    const second = await stream.next(10);
    expect(second).toEqual({
      ok: false,
      error: {
        kind: 'bad_response',
        message:
          'The server sent a customer list Fieldbook does not understand: the answer stopped after 4 customers, before the list was complete.',
      },
    });
    // Sticky: asking again does not pretend the list went on.
    expect(await stream.next(10)).toEqual(second);
    expect(state.pulls).toBe(5);
  });

  test('a connection lost mid-way is a network failure', async () => {
    const { stream } = wire(listPieces(5).slice(0, 3), { fail: true });
    const page = await stream.next(10);
    expect(page.ok ? null : page.error).toMatchObject({
      kind: 'network',
      message: 'The connection to the server was lost.',
    });
  });

  test('an invalid customer is reported the way a whole invalid list is: where and why', async () => {
    const pieces = listPieces(4);
    pieces[2] = ',{"id":3,"name":42}';
    const { stream, state } = wire(pieces);
    const first = await stream.next(2);
    expect(first.ok && first.value.customers.length).toBe(2);
    const second = await stream.next(2);
    expect(second.ok ? null : second.error).toEqual({
      kind: 'bad_response',
      message: expect.stringMatching(
        /^The server sent a customer list Fieldbook does not understand at 2\.name: .+\.$/,
      ),
    });
    expect(state.cancelled).toBe(true);
  });

  test('an element that is not JSON at all is named by its place in the list', async () => {
    const { stream } = wire(['[{"id":1,"name":"A"},', '{"id":2,"name":"B",}]']);
    const page = await stream.next(10);
    expect(page.ok ? null : page.error.message).toBe(
      'The server sent a customer list Fieldbook does not understand: customer 2 is not valid JSON.',
    );
  });

  test('close drops the rest of the list and releases the connection', async () => {
    const { stream, state } = wire(listPieces(50));
    await stream.next(1);
    stream.close();
    expect(state.cancelled).toBe(true);
  });
});
