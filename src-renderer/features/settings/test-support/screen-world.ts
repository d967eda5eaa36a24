// A world for the Settings and Changes screens in Chromium: the real screen on a real IndexedDB
// store (a fresh database), the real ConnectionsState over the fake window.fieldbook (its
// handlers scripted per test, its events emitted as main would), the app's Navigation, and a
// sync runner that records "Sync now" (the engine itself is tested in lib/sync).
import { flushSync, mount, unmount, type Component } from 'svelte';
import type { ConnectionView } from '../../../../src-shared/connection';
import type { CustomerStore } from '../../../lib/db/customer-store';
import type { AppContext } from '../../../lib/state/app-context';
import { ConnectionsState } from '../../../lib/state/connections.svelte';
import { Navigation } from '../../../lib/state/navigation.svelte';
import { SyncBoard } from '../../../lib/state/sync-board.svelte';
import {
  createFakeFieldbook,
  settle,
  type FakeHandlers,
} from '../../../lib/test-support/fake-fieldbook';
import { idleStatus, scratchStore, scriptedRunner } from '../../../lib/test-support/world-parts';
import ScreenHost from './ScreenHost.svelte';

export async function renderScreen(
  screen: Component,
  options: {
    connections: ConnectionView[];
    handlers?: FakeHandlers;
    /** Fills the store before the screen mounts. */
    fill?: (store: CustomerStore) => Promise<void>;
  },
) {
  const { store, drop } = scratchStore('screen');
  await options.fill?.(store);
  let listed = options.connections;
  const fake = createFakeFieldbook({
    'connections.list': async () => ({ ok: true, value: { connections: listed } }),
    'secrets.status': async () => ({ ok: true, value: { store: 'memory' } }),
    ...options.handlers,
  });
  const { runner, syncNow } = scriptedRunner((connectionId) => idleStatus(connectionId));
  const connections = new ConnectionsState(fake.api);
  await connections.load();
  const navigation = new Navigation();
  const board = new SyncBoard(runner);
  const context: AppContext = { api: fake.api, store, runner, board, connections, navigation };
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(ScreenHost, { target, props: { context, screen } });
  await settle();
  flushSync();
  return {
    store,
    fake,
    navigation,
    connections,
    target,
    syncNow,
    /** Main's list changes: answered from now on, and announced like main does. */
    announce(next: ConnectionView[]) {
      listed = next;
      fake.emit('connections.changed', { connections: next });
      flushSync();
    },
    async dispose() {
      await unmount(component);
      target.remove();
      board.dispose();
      connections.dispose();
      await drop();
    },
  };
}

/** Waits for pending answers and effects, then renders. */
export async function settled(): Promise<void> {
  await settle();
  await settle();
  flushSync();
}

export const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The one button (or the `index`th) whose text is exactly `name` inside `within`. */
export function button(within: Element, name: string, index = 0): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].filter((b) => text(b) === name)[index];
  if (!found) throw new Error(`no button “${name}”`);
  return found;
}

/** Types `value` into the input as a person would (the value, then an input event). */
export function type(input: HTMLInputElement | null, value: string): void {
  if (!input) throw new Error('no input');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

/** The input whose label text is exactly `label` inside `within`. */
export function field(within: Element, label: string): HTMLInputElement {
  const found = [...within.querySelectorAll('label')].find((l) => text(l) === label);
  const input = found?.htmlFor
    ? within.querySelector<HTMLInputElement>(`#${CSS.escape(found.htmlFor)}`)
    : found?.querySelector('input');
  if (!input) throw new Error(`no field “${label}”`);
  return input as HTMLInputElement;
}
