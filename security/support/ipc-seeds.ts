// One valid payload per IPC channel: the starting point the fuzzer mutates into near-misses
// (a key dropped, a value of the wrong type, an extra key). `satisfies` keeps it complete.
import type { Channel } from '../../src-shared/ipc/channels';

const on = { connectionId: 'c1' };

export const validPayloads = {
  'connections.list': undefined,
  'connections.create': {
    kind: 'r2',
    name: 'ACME R2',
    baseUrl: 'https://r2.example/api/',
    auth: { mode: 'pkce', clientId: 'fieldbook', issuer: 'https://id.example/' },
  },
  'connections.rename': { id: 'c1', name: 'Acme EU' },
  'connections.select': { id: 'c1' },
  'connections.delete': { id: 'c1' },

  'auth.status': on,
  'auth.signIn': on,
  'auth.cancelSignIn': on,
  'auth.signInService': { ...on, clientSecret: 's3cret' },
  'auth.setToken': { ...on, token: 'tok-123' },
  'auth.checkRevnueToken': { baseUrl: 'https://dashboard-api.revnue.com/api/v2/', token: 'rvn_x' },
  'auth.offeredScopes': { issuer: 'https://id.example/' },
  'auth.signOut': on,

  'revnue.customers.list': on,
  'revnue.customers.listOpen': on,
  'revnue.customers.listNext': { ...on, cursor: 'b2f1c2de-0000-4000-8000-000000000001', max: 500 },
  'revnue.customers.listClose': { ...on, cursor: 'b2f1c2de-0000-4000-8000-000000000001' },
  'revnue.customers.get': { ...on, id: 42 },
  'revnue.customers.create': {
    ...on,
    body: {
      company: 1,
      name: 'Globex',
      contact_person: { name: 'Hank', email: 'h@globex.example' },
    },
  },
  'revnue.customers.update': { ...on, id: 42, body: { company: 1, name: 'Globex', city: 'Oslo' } },
  'revnue.customers.findByName': { ...on, name: 'Globex' },
  'revnue.lookups.companies': on,
  'revnue.lookups.categories': on,
  'revnue.lookups.countries': on,
  'revnue.lookups.customFieldTemplates': on,

  'r2.customers.list': {
    ...on,
    page: 2,
    pageSize: 100,
    updatedSince: '2026-01-02T03:04:05Z',
    filters: { companyname: 'ACME' },
  },
  'r2.customers.get': { ...on, id: 'R-1001' },
  'r2.customers.create': {
    ...on,
    body: { companyname: 'ACME Rentals', contacts: [{ firstname: 'Jane', lastname: 'Doe' }] },
  },
  'r2.customers.update': { ...on, id: 'R-1001', body: { companyname: 'ACME Rentals' } },
  'r2.customers.patch': { ...on, id: 'R-1001', body: { phonenumber: '+44 113 496 0000' } },
  'r2.customers.findByNaturalKey': {
    ...on,
    companyname: 'ACME Rentals',
    createdAfter: '2026-01-02T03:04:05Z',
  },

  'secrets.status': undefined,
  'secrets.acceptWeakStorage': {},
  'secrets.withdrawWeakStorage': {},

  'sandbox.tryIt': undefined,

  'links.open': { kind: 'website', value: 'www.acme.example' },

  'desktop.start': undefined,
  'desktop.print': {},
  'desktop.savePdf': { name: 'ACME Rentals' },

  'desktop.quitAnswer': { requestId: 'q1w2e3r4t5y6u7i8', answer: 'quit' },
  'export.begin': { format: 'csv', name: 'Customers' },
  'export.write': { session: 'b2f1c2de-0000-4000-8000-000000000002', seq: 0, chunk: 'a,b\r\n' },
  'export.finish': { session: 'b2f1c2de-0000-4000-8000-000000000002' },
  'export.cancel': { session: 'b2f1c2de-0000-4000-8000-000000000002' },
  'journal.read': on,
  'journal.append': {
    ...on,
    seq: 3,
    records: [
      {
        recordKey: 'local-1',
        row: {
          connectionId: 'c1',
          key: 'local-1',
          serverId: null,
          record: { companyname: 'ACME Rentals' },
          base: null,
          remote: null,
          remoteHydration: null,
          hydration: 'full',
          syncState: 'waiting',
          opened: true,
          fieldErrors: null,
          updatedAt: 1_700_000_000_000,
        },
        entries: [
          {
            seq: 7,
            connectionId: 'c1',
            opId: 'op-1',
            recordKey: 'local-1',
            kind: 'create',
            state: 'pending',
            attempts: 0,
            firstAttemptAt: null,
            nextAttemptAt: null,
            lastError: null,
            outcomeUnknown: false,
            conflict: null,
            createdAt: 1_700_000_000_000,
            base: null,
            changed: { companyname: 'ACME Rentals' },
          },
        ],
      },
    ],
  },
  'journal.rewrite': { ...on, seq: 3, records: [] },
} satisfies Record<Channel, unknown>;
