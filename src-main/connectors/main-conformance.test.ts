// Main's half of the connector conformance suite (the shared half is
// src-shared/connectors/connector-conformance.test.ts, which may not import main): every
// connector registered in main matches a shared one, answers exactly its part of the contract,
// has a pacing limit and a sign-in strategy with words, and every error kind reads in words
// whatever its error body looks like.
import { describe, expect, test } from 'vitest';
import { connectorKinds, type Connection } from '../../src-shared/connection';
import { registeredConnectors } from '../../src-shared/connectors/registry';
import type { AppError } from '../../src-shared/ipc/result';
import type { SignInStrategy } from '../auth/sign-in-strategy';
import { createListCursors } from '../cursors/list-cursors';
import { errorFromStatus } from '../http/http-errors';
import { mainConnectors } from './registry';

const sampleConnections: readonly Connection[] = [
  {
    id: 'c-revnue',
    createdAt: '2026-01-01T00:00:00.000Z',
    kind: 'revnue-v2',
    name: 'Revnue',
    baseUrl: 'https://revnue.example/api/v2/',
    auth: { mode: 'admin_token' },
    company: 1,
  },
  {
    id: 'c-r2-browser',
    createdAt: '2026-01-01T00:00:00.000Z',
    kind: 'r2',
    name: 'R2',
    baseUrl: 'https://r2.example/',
    auth: { mode: 'pkce', clientId: 'fb', issuer: 'https://login.example/' },
  },
  {
    id: 'c-r2-service',
    createdAt: '2026-01-01T00:00:00.000Z',
    kind: 'r2',
    name: 'R2 service',
    baseUrl: 'https://r2.example/',
    auth: { mode: 'client_credentials', clientId: 'fb', issuer: 'https://login.example/' },
  },
];

/** The error kinds an HTTP answer can become, by a status that means each. */
const statusOfKind: Partial<Record<AppError['kind'], number>> = {
  validation: 400,
  auth: 401,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  server: 500,
};
/** Bodies an API sends with an error, from empty to nonsense. */
const errorBodies: unknown[] = [null, '', {}, [], '<h1>Bad Gateway</h1>', { unexpected: 42 }];

test('main registers exactly the shared connectors, in the same order', () => {
  expect(mainConnectors.map((main) => main.kind)).toEqual([...connectorKinds]);
});

describe.each(mainConnectors.map((main) => [main.kind, main] as const))(
  '%s in main',
  (kind, main) => {
    const shared = registeredConnectors.find((c) => c.kind === kind);
    const connections = sampleConnections.filter((c) => c.kind === kind);
    const signIn = main.signIn as SignInStrategy;

    test('its handlers answer exactly its part of the contract', () => {
      const handlers = (main.handlers as (context: unknown) => object)({
        using: () => Promise.reject(new Error('not called')),
        auth: {},
        cursors: createListCursors<unknown>({ clock: { now: () => 0 } as never }),
      });
      expect(Object.keys(handlers).sort()).toEqual(Object.keys(shared?.contract ?? {}).sort());
    });

    test('it paces at a positive limit, and a setting can change it', () => {
      expect(main.perMinute({})).toBeGreaterThan(0);
      expect(main.perMinute({ revnuePerMinute: 7, r2PerMinute: 7 })).toBe(7);
    });

    test('its sign-in says how to sign in again, keeping the unsynced changes', () => {
      expect(connections.length).toBeGreaterThan(0);
      for (const connection of connections) {
        expect(['browser', 'service', 'token']).toContain(signIn.method(connection));
        expect(signIn.signedOutMessage(connection)).toMatch(/Your unsynced changes are kept\.$/);
        // A connection that signs in through OAuth has the settings to do it with.
        expect(signIn.oauth(connection) === undefined).toBe(signIn.method(connection) === 'token');
      }
    });

    test('every error kind has words, whatever the error body', () => {
      const wordless: string[] = [];
      for (const [errorKind, status] of Object.entries(statusOfKind)) {
        for (const body of errorBodies) {
          const error = errorFromStatus(status, main.parseErrorBody(body), 1_000);
          if (error.kind !== errorKind || error.message.trim() === '') {
            wordless.push(`${status} ${JSON.stringify(body)} → ${error.kind}: “${error.message}”`);
          }
        }
      }
      expect(wordless).toEqual([]);
    });
  },
);
