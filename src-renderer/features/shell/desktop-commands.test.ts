// Menu commands and customer links as the window carries them out, through the real Navigation
// and the event list's fake transport: one command, one action; a link switches connection first.
import { describe, expect, test, vi } from 'vitest';
import { Navigation } from '../../lib/state/navigation.svelte';
import { LocaleState } from '../../lib/state/locale.svelte';
import { createFakeFieldbook } from '../../lib/test-support/fake-fieldbook';
import { followDesktopEvents } from './desktop-commands';

function world(active = 'conn-a') {
  const fieldbook = createFakeFieldbook();
  const navigation = new Navigation();
  const connections = {
    active: { id: active } as { id: string } | undefined,
    connections: [{ id: 'conn-a' }, { id: 'conn-b' }],
    select: vi.fn(async (id: string) => {
      connections.active = { id };
    }),
  };
  const board = { syncNow: vi.fn() };
  const exports = { request: vi.fn() };
  const stop = followDesktopEvents(fieldbook.api, { navigation, connections, board, exports });
  return { fieldbook, navigation, connections, board, exports, stop };
}

describe('desktop commands in the window', () => {
  test('New customer from the menu opens exactly one new customer', () => {
    const { fieldbook, navigation } = world();
    navigation.go('settings');
    const before = navigation.visit;
    fieldbook.emit('menu.command', { command: 'customer.new' });
    expect(navigation.visit).toBe(before + 1);
    expect(navigation.screen).toBe('customers');
    expect(navigation.openCustomer).toEqual({ kind: 'new' });
  });

  test('View commands navigate; Sync now syncs the active connection', () => {
    const { fieldbook, navigation, board } = world();
    fieldbook.emit('menu.command', { command: 'go.changes' });
    expect(navigation.screen).toBe('changes');
    fieldbook.emit('menu.command', { command: 'go.settings' });
    expect(navigation.screen).toBe('settings');
    fieldbook.emit('menu.command', { command: 'go.customers' });
    expect(navigation.screen).toBe('customers');
    fieldbook.emit('menu.command', { command: 'sync.now' });
    expect(board.syncNow).toHaveBeenCalledWith('conn-a');
  });

  test('File › Export… goes to the Customers screen and asks for its Export dialog', () => {
    const { fieldbook, navigation, exports } = world();
    navigation.go('settings');
    fieldbook.emit('menu.command', { command: 'export' });
    expect(navigation.screen).toBe('customers');
    expect(exports.request).toHaveBeenCalledTimes(1);
  });

  test('a link on the active connection opens its customer', () => {
    const { fieldbook, navigation, connections } = world();
    fieldbook.emit('customer.linkOpened', { connectionId: 'conn-a', customerKey: '42' });
    expect(navigation.openCustomer).toEqual({ kind: 'existing', key: '42' });
    expect(connections.select).not.toHaveBeenCalled();
  });

  test('a link on another connection switches to it, then opens the customer', async () => {
    const { fieldbook, navigation, connections } = world();
    fieldbook.emit('customer.linkOpened', { connectionId: 'conn-b', customerKey: 'local-7' });
    expect(connections.select).toHaveBeenCalledWith('conn-b');
    await vi.waitFor(() =>
      expect(navigation.openCustomer).toEqual({ kind: 'existing', key: 'local-7' }),
    );
  });

  test('a link to a connection the window does not know opens nothing', () => {
    const { fieldbook, navigation, connections } = world();
    fieldbook.emit('customer.linkOpened', { connectionId: 'gone', customerKey: '1' });
    expect(navigation.openCustomer).toBeNull();
    expect(connections.select).not.toHaveBeenCalled();
  });

  test('stops listening when asked', () => {
    const { fieldbook, stop } = world();
    expect(fieldbook.listenerCount('menu.command')).toBe(1);
    stop();
    expect(fieldbook.listenerCount('menu.command')).toBe(0);
    expect(fieldbook.listenerCount('customer.linkOpened')).toBe(0);
  });
});

describe('the window locale', () => {
  test("main's locale replaces the browser's; a later change follows; nonsense is ignored", () => {
    const fieldbook = createFakeFieldbook();
    const locale = new LocaleState();
    locale.use(null);
    const browsers = locale.current;
    expect(browsers).toBe(Intl.DateTimeFormat().resolvedOptions().locale);
    locale.follow(fieldbook.api);
    locale.use('de-DE');
    expect(locale.current).toBe('de-DE');
    fieldbook.emit('locale.changed', { locale: 'fr-CA' });
    expect(locale.current).toBe('fr-CA');
    locale.use('not a locale!');
    expect(locale.current).toBe('fr-CA');
    locale.dispose();
    expect(fieldbook.listenerCount('locale.changed')).toBe(0);
  });
});
