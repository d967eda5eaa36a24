// Malformed API answers through the REAL connectors over real HTTP on loopback (docs/security.md):
// every odd answer must become a `bad_response` (or `network`/`server`) Result, never a throw,
// and the bearer token must never reach a host other than the connection's. A second server on
// another port plays that other host and records every Authorization header it is sent.
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Connection } from '../src-shared/connection';
import { ok, type ErrorKind, type Result } from '../src-shared/ipc/result';
import { connectorFor } from '../src-main/connectors';
import { startLocalServer, type LocalServer } from '../src-main/http/test-support/local-server';
import { reportCounts } from './support/summary';

const token = 'tok-SECRET-7f3a9c';
const tokenProvider = {
  accessToken: async () => ok(token),
  refreshAfterUnauthorized: async () => ok(token),
};

type Script = (res: ServerResponse, path: string, method: string) => void;
let script: Script = (res) => res.end();
let api: LocalServer;
let foreign: LocalServer;
const counts = { cases: 0, crashes: 0, leaks: 0, unexpectedKinds: 0 };

beforeAll(async () => {
  api = await startLocalServer((req, res) => script(res, req.url ?? '', req.method ?? ''));
  foreign = await startLocalServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('[]');
  });
});
afterAll(async () => {
  // Every request the foreign host saw, with or without a token, counts against us: sightings of
  // the token are leaks; the case tests below also require that it saw no request at all.
  counts.leaks += foreign.requests.filter((r) => r.authorization?.includes(token)).length;
  reportCounts('malformed-answers', counts);
  await Promise.all([api.close(), foreign.close()]);
});
afterEach(() => {
  script = (res) => res.end();
});

function connection(kind: 'revnue-v2' | 'r2'): Connection {
  const common = { id: `c-${kind}`, createdAt: '2026-01-01T00:00:00.000Z', name: kind };
  return kind === 'revnue-v2'
    ? { ...common, kind, baseUrl: api.baseUrl, auth: { mode: 'admin_token' }, company: 1 }
    : { ...common, kind, baseUrl: api.baseUrl, auth: { mode: 'pkce', clientId: 'fb' } };
}

function connectors() {
  // Pacing off: this file is about answers, not about the accounts' shared rate limits.
  const settings = { timeoutMs: 5_000, revnuePerMinute: 1_000_000, r2PerMinute: 1_000_000 };
  const revnue = connectorFor(connection('revnue-v2'), tokenProvider, settings);
  const r2 = connectorFor(connection('r2'), tokenProvider, settings);
  if (revnue.kind !== 'revnue-v2' || r2.kind !== 'r2') throw new Error('wrong connector kinds');
  return { revnue: revnue.connector, r2: r2.connector };
}

/** Every read and write of both connectors, so each bad answer is tried on each code path. */
function operations(): [string, () => Promise<Result<unknown>>][] {
  const { revnue, r2 } = connectors();
  return [
    ['revnue list', () => revnue.listCustomers(1)],
    ['revnue get', () => revnue.getCustomer(7)],
    ['revnue create', () => revnue.createCustomer({ company: 1, name: 'Globex' })],
    ['revnue update', () => revnue.updateCustomer(7, { company: 1, name: 'Globex' })],
    ['revnue findByName', () => revnue.findByName(1, 'Globex')],
    ['revnue companies', () => revnue.companies()],
    ['r2 list', () => r2.list({})],
    ['r2 get', () => r2.get('R-1')],
    ['r2 create', () => r2.create({ companyname: 'ACME' })],
    ['r2 update', () => r2.update('R-1', { companyname: 'ACME' })],
    ['r2 patch', () => r2.patch('R-1', { phonenumber: '1' })],
    ['r2 findByNaturalKey', () => r2.findByNaturalKey({ companyname: 'ACME' })],
  ];
}

const json =
  (status: number, body: string, headers: Record<string, string> = {}): Script =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };

// One 50 MB string in one row: the size is the test (reading, parsing, refusing it), not 2.5
// million rows each earning its own zod issue.
const fiftyMegabytes = `[{"id":"${'x'.repeat(50 * 1024 * 1024)}","name":1}]`;

interface Case {
  name: string;
  script: () => Script;
  kinds: readonly ErrorKind[];
}

const badResponse = ['bad_response'] as const;
const cases: Case[] = [
  {
    name: 'wrong types',
    script: () => json(200, '{"id":"seven","name":42,"recordid":[]}'),
    kinds: badResponse,
  },
  {
    name: 'a list where an object belongs (and back)',
    script: () => json(200, '[[1],[2]]'),
    kinds: badResponse,
  },
  {
    name: 'truncated JSON',
    script: () => json(200, '[{"id": 7, "name": "Glob'),
    kinds: badResponse,
  },
  { name: 'a 50 MB body', script: () => json(200, fiftyMegabytes), kinds: badResponse },
  { name: 'JSON null', script: () => json(200, 'null'), kinds: badResponse },
  {
    name: 'an HTML page with status 200',
    script: () => (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body><h1>Sign in to the proxy</h1></body></html>');
    },
    kinds: badResponse,
  },
  {
    name: 'JSON sent as text/html',
    script: () =>
      json(200, '{"id":7,"name":"Globex","recordid":"R-1","companyname":"ACME"}', {
        'content-type': 'text/html',
      }),
    kinds: badResponse,
  },
  {
    name: 'an HTML error page with status 502',
    script: () => (res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad Gateway</body></html>');
    },
    // A gateway failing is the server's problem, not an answer we misread.
    kinds: ['server'],
  },
  {
    name: 'a redirect to another host',
    script: () => (res, path) => {
      res.writeHead(307, { location: `${foreign.baseUrl}${path.replace(/^\/api\//, '')}` });
      res.end();
    },
    kinds: badResponse,
  },
  {
    name: 'a 302 to another host',
    script: () => (res) => {
      res.writeHead(302, { location: foreign.baseUrl });
      res.end();
    },
    kinds: badResponse,
  },
  {
    name: 'a connection cut in the middle of the body',
    script: () => (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('[{"id": 7,');
      setTimeout(() => res.destroy(), 5);
    },
    kinds: ['network', 'bad_response'],
  },
];

describe('malformed answers through the real connectors', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    script = c.script();
    const before = foreign.requests.length;
    for (const [operation, call] of operations()) {
      counts.cases++;
      let answer: Result<unknown>;
      try {
        answer = await call();
      } catch (error) {
        counts.crashes++;
        throw new Error(`${operation} threw`, { cause: error });
      }
      const kind = answer.ok ? 'ok' : answer.error.kind;
      if (!c.kinds.includes(kind as ErrorKind)) counts.unexpectedKinds++;
      expect({ operation, kind }).toEqual({ operation, kind: expect.toBeOneOf([...c.kinds]) });
      if (!answer.ok) expect(answer.error.message).not.toContain(token);
    }
    // Nothing at all went to the other host: not the token, not the customer being saved.
    expect(foreign.requests.slice(before)).toEqual([]);
  });
});

describe('R2 create: the new id comes only from a Location on the connection', () => {
  const r2Create = () => connectors().r2.create({ companyname: 'ACME' });
  const created =
    (location?: string): Script =>
    (res, _path, method) => {
      if (method === 'POST') {
        res.writeHead(201, {
          'content-type': 'application/json',
          ...(location ? { location } : {}),
        });
        res.end('');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"recordid":"R-9","companyname":"ACME"}');
    };

  test.each([
    ['missing', undefined],
    ['empty', ''],
    ['on another host', () => `${foreign.baseUrl}customers/R-9`],
    ['on another scheme', 'ftp://127.0.0.1/customers/R-9'],
    ['without an id', '/api/customers/'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ] as const)(
    'a Location %s is a bad_response, and nothing is read from elsewhere',
    async (_n, location) => {
      const before = foreign.requests.length;
      script = created(typeof location === 'function' ? location() : location);
      counts.cases++;
      const answer = await r2Create();
      expect(answer.ok ? 'ok' : answer.error.kind).toBe('bad_response');
      expect(foreign.requests.slice(before)).toEqual([]);
    },
  );

  test('a Location on the connection is followed (the check is not "refuse everything")', async () => {
    script = created('/api/customers/R-9');
    const answer = await r2Create();
    expect(answer).toMatchObject({ ok: true, value: { id: 'R-9' } });
  });
});
