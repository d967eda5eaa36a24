import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { json, writeResponse, type SandboxResponse } from './respond';

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

async function served(response: SandboxResponse) {
  server = createServer((_req, res) => void writeResponse(res, response));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const answer = await fetch(`http://127.0.0.1:${port}/`);
  const bytes = Buffer.from(await answer.arrayBuffer());
  return { answer, bytes };
}

describe('writeResponse', () => {
  const rows = [{ customerstate: 'Västra Götaland', companyname: 'Ærø Ltd — 北京' }];

  test("a page its handler serialised goes out as UTF-8, under the handler's content-type", async () => {
    const body = JSON.stringify(rows);
    const { answer, bytes } = await served({
      status: 200,
      body,
      headers: { 'content-type': 'application/json', 'x-total-count': '1' },
    });
    expect(bytes.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(answer.headers.get('content-length')).toBe(String(bytes.length));
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('x-total-count')).toBe('1');
  });

  test('values go out as JSON and text as HTML, each with its length in bytes', async () => {
    const value = await served(json(201, rows));
    expect(JSON.parse(value.bytes.toString('utf8'))).toEqual(rows);
    expect(value.answer.headers.get('content-length')).toBe(String(value.bytes.length));
    expect(value.answer.headers.get('content-type')).toBe('application/json');
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;

    const text = await served({ status: 200, body: '<p>Götaland 北京</p>' });
    expect(text.bytes.toString('utf8')).toBe('<p>Götaland 北京</p>');
    expect(text.answer.headers.get('content-length')).toBe(String(text.bytes.length));
    expect(text.answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
