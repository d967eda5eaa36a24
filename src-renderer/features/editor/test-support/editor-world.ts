// An editor world for browser tests: the real Customers screen (list + editor) in Chromium on a
// real IndexedDB store (a fresh database), a scripted sync runner, the app's Navigation and
// SyncBoard, and one active connection of either API.
import { flushSync, mount, unmount } from 'svelte';
import type { ConnectionView } from '../../../../src-shared/connection';
import { descriptorFor } from '../../../../src-shared/connectors';
import type { ConnectorLookups } from '../../../../src-shared/connectors/descriptor';
import type { CustomerStore, PulledRecord } from '../../../lib/db/customer-store';
import type { AppContext } from '../../../lib/state/app-context';
import type { ConnectionsState } from '../../../lib/state/connections.svelte';
import { Navigation } from '../../../lib/state/navigation.svelte';
import { SyncBoard } from '../../../lib/state/sync-board.svelte';
import { createFakeFieldbook, type FakeHandlers } from '../../../lib/test-support/fake-fieldbook';
import { scratchStore, scriptedRunner } from '../../../lib/test-support/world-parts';
import ContextHost from '../../customers/test-support/ContextHost.svelte';
import type { LocaleState } from '../../../lib/state/locale.svelte';
import LocaleContextHost from './LocaleContextHost.svelte';

export const revnueConnection = {
  id: 'conn-revnue',
  createdAt: '2026-01-01T00:00:00.000Z',
  kind: 'revnue-v2',
  name: 'Revnue test',
  baseUrl: 'https://example.test/api/v2/',
  auth: { mode: 'admin_token' },
  company: 1,
  authState: 'signed_in',
  active: true,
} as ConnectionView;

export const r2Connection = {
  id: 'conn-r2',
  createdAt: '2026-01-01T00:00:00.000Z',
  kind: 'r2',
  name: 'R2 test',
  baseUrl: 'https://example.test/r2/',
  auth: { mode: 'client_credentials' },
  authState: 'signed_in',
  active: true,
} as unknown as ConnectionView;

export const revnueLookups: ConnectorLookups = {
  companies: [{ id: 1, name: 'Main company' }],
  categories: [
    { id: 1, name: 'Key account' },
    { id: 2, name: 'Prospect' },
  ],
  countries: [
    { id: 276, name: 'Germany' },
    { id: 826, name: 'United Kingdom' },
  ],
  templates: [
    {
      id: 5,
      name: 'Contract',
      fields: [
        { id: 7, name: 'Contract value', type: 'money' },
        { id: 8, name: 'Seats', type: 'number' },
        { id: 9, name: 'Renewal date', type: 'date' },
        { id: 10, name: 'Account manager', type: 'text' },
      ],
    },
  ],
};

/** A runner that never syncs: the editor only reads statuses through the board. */

export async function renderEditorWorld<T>(options: {
  connection: ConnectionView;
  lookups?: ConnectorLookups;
  records?: readonly PulledRecord<T>[];
  seed?: (store: CustomerStore) => Promise<void>;
  /** window.fieldbook answers (e.g. links.open); the rest answer as the fake does. */
  handlers?: FakeHandlers;
  /** The window's locale state, provided as App.svelte does on the desktop. */
  locale?: LocaleState;
}) {
  const { connection } = options;
  const { store, drop } = scratchStore('editor');
  const descriptor = descriptorFor(connection.kind);
  await store.putLookups(connection.id, options.lookups ?? {}, 1);
  if (options.records?.length) {
    await store.applyPulled(descriptor as never, connection.id, options.records as never);
  }
  await options.seed?.(store);
  const { runner, announce } = scriptedRunner(() => undefined);
  const navigation = new Navigation();
  const board = new SyncBoard(runner);
  const fieldbook = createFakeFieldbook(options.handlers);
  const context: AppContext = {
    api: fieldbook.api,
    store,
    runner,
    board,
    connections: { active: connection } as unknown as ConnectionsState,
    navigation,
  };
  const target = document.body.appendChild(document.createElement('div'));
  target.style.height = '900px';
  target.style.display = 'flex';
  target.style.flexDirection = 'column';
  const component = options.locale
    ? mount(LocaleContextHost, { target, props: { context, locale: options.locale } })
    : mount(ContextHost, { target, props: { context } });
  flushSync();
  return {
    store,
    announce,
    navigation,
    board,
    target,
    connection,
    descriptor,
    /** The fake window.fieldbook: its calls, and main's events emitted by the test. */
    fieldbook,
    async dispose() {
      await unmount(component);
      board.dispose();
      target.remove();
      await drop();
    },
  };
}
