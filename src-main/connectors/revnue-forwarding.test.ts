// Main forwards a Revnue body exactly as the sync core built it: the IPC contract's parse adds no
// key and fills no null, and the connector sends the parsed body as it is (seed: no null allowed).
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../src-shared/ipc/result';
import { contract } from '../../src-shared/ipc/contract';
import { createHttpClient } from '../http/http-client';
import { createPacer } from '../http/pacer';
import { sendJson, startLocalServer, type LocalServer } from '../http/test-support/local-server';
import { createRevnueConnector, parseRevnueErrorBody } from './revnue-v2';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A Revnue connector on a local server that records every body it receives. */
async function recordingRevnue() {
  const bodies: unknown[] = [];
  server = await startLocalServer((_req, res, body) => {
    bodies.push(JSON.parse(body));
    sendJson(res, 200, { id: 5, name: 'Acme' });
  });
  const http = createHttpClient({
    baseUrl: server.baseUrl,
    tokenProvider: {
      accessToken: async () => ok('t-123456789'),
      refreshAfterUnauthorized: async () => ok('t-2'),
    },
    pacer: createPacer({ limit: 6000 }),
    parseErrorBody: parseRevnueErrorBody,
  });
  return { revnue: createRevnueConnector(http), bodies };
}

describe('Revnue bodies through main', () => {
  it('a create body without optional keys reaches the server without them', async () => {
    const { revnue, bodies } = await recordingRevnue();
    const sent = { company: 1, name: 'Acme', city: 'York', nda_signed: false };
    const input = contract['revnue.customers.create'].input.parse({
      connectionId: 'c',
      body: sent,
    });
    await revnue.createCustomer(input.body);
    expect(bodies).toEqual([sent]);
  });

  it('a PUT body’s clears (null, "") reach the server as they were sent', async () => {
    const { revnue, bodies } = await recordingRevnue();
    const sent = {
      company: 1,
      name: 'Acme',
      city: '',
      category: null,
      contact_person: { name: 'Jane', email: 'jane@acme.example', type: null },
      template: { id: 7, fields: [{ id: 11, value: null }] },
    };
    const input = contract['revnue.customers.update'].input.parse({
      connectionId: 'c',
      id: 5,
      body: sent,
    });
    await revnue.updateCustomer(input.id, input.body);
    expect(bodies).toEqual([sent]);
  });
});
