import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../src-shared/ipc/result';
import { checkOnce } from '../../src-shared/ipc/checked-once';
import { contract } from '../../src-shared/ipc/contract';
import { seedListRow } from '../../src-shared/connectors/r2/api/seed-samples';
import { createHttpClient } from '../http/http-client';
import { createPacer } from '../http/pacer';
import {
  sendJson,
  startLocalServer,
  type Handler,
  type LocalServer,
} from '../http/test-support/local-server';
import { createR2Connector, parseR2ErrorBody } from './r2';
import { createRevnueConnector, parseRevnueErrorBody } from './revnue-v2';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function httpFor(handler: Handler, parseErrorBody = parseR2ErrorBody) {
  server = await startLocalServer(handler);
  return createHttpClient({
    baseUrl: server.baseUrl,
    tokenProvider: {
      accessToken: async () => ok('t-123456789'),
      refreshAfterUnauthorized: async () => ok('t-2'),
    },
    pacer: createPacer({ limit: 6000 }),
    parseErrorBody,
    getBackoff: { baseMs: 1, capMs: 2, maxAttempts: 1 },
  });
}

describe('connectors on an unexpected server', () => {
  it('answers bad_response for a body that does not match the schema', async () => {
    const revnue = createRevnueConnector(
      await httpFor((_q, res) => sendJson(res, 200, [{ id: 'x' }]), parseRevnueErrorBody),
    );
    const listed = await revnue.listCustomers(1);
    expect(listed.ok ? null : listed.error.kind).toBe('bad_response');
    expect(listed.ok ? '' : listed.error.message).toMatch(/customer list.*at 0\.id/);
  });

  it('flattens a DRF validation body into field paths', async () => {
    const revnue = createRevnueConnector(
      await httpFor(
        (_q, res) =>
          sendJson(res, 400, { contact_person: { email: ['Enter a valid email address.'] } }),
        parseRevnueErrorBody,
      ),
    );
    const created = await revnue.createCustomer({ company: 1, name: 'X' } as never);
    expect(created.ok ? null : created.error).toMatchObject({
      kind: 'validation',
      fields: { 'contact_person.email': ['Enter a valid email address.'] },
    });
  });

  it('takes the R2 id from an absolute Location and reads the record when the body is empty', async () => {
    const r2 = createR2Connector(
      await httpFor((req, res) => {
        if (req.method === 'POST') {
          res.writeHead(201, { location: `http://${req.headers.host}/r2/customers/R-77` });
          return res.end();
        }
        sendJson(res, 200, { recordid: 'R-77', companyname: 'Acme' });
      }),
    );
    const created = await r2.create({ companyname: 'Acme' } as never);
    expect(created.ok && created.value).toMatchObject({
      id: 'R-77',
      customer: { companyname: 'Acme' },
    });
    expect(server?.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/customers',
      'GET /api/customers/R-77',
    ]);
  });

  it('says bad_response when a created R2 customer comes back without Location', async () => {
    const r2 = createR2Connector(await httpFor((_q, res) => sendJson(res, 201, {})));
    const created = await r2.create({ companyname: 'Acme' } as never);
    expect(created.ok ? null : created.error.kind).toBe('bad_response');
  });

  it('checks an R2 page with the contract schema: errors name the row, the router need not walk it', async () => {
    const good = { ...seedListRow };
    const bad = { ...seedListRow, createddate: '2024-01-15' };
    const r2 = createR2Connector(
      await httpFor((req, res) =>
        sendJson(res, 200, req.url?.includes('page=2') ? [good, good, good, bad] : [good]),
      ),
    );
    const refused = await r2.list({ page: 2 });
    expect(refused.ok ? '' : refused.error.message).toMatch(/customer list.*at 3\.createddate: /);
    const page = await r2.list({ page: 1 });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value).toEqual({ rows: [seedListRow], total: 1 });
    expect(checkOnce(contract['r2.customers.list'].output, page.value).data).toBe(page.value);
  });

  it('sends R2 paging, filters and updatedsince in the server wall clock', async () => {
    const r2 = createR2Connector(await httpFor((_q, res) => sendJson(res, 200, [])), {
      serverUtcOffsetMinutes: 60,
    });
    const page = await r2.list({
      page: 3,
      pageSize: 900,
      updatedSince: '2026-01-31T23:30:59Z',
      filters: { customerstatus: 'Active' },
    });
    expect(page).toEqual({ ok: true, value: { rows: [], total: 1000 } });
    const query = new URL(server!.requests[0]!.url, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({
      customerstatus: 'Active',
      page: '3',
      pagesize: '500',
      updatedsince: '02/01/2026 00:30',
    });
  });
});
