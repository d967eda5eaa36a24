// The menu bar Electron gets, driven like a user would: each command item reaches the window as
// its `menu.command` event through the real event hub, main's own items run main's actions, and
// Ctrl+N pressed once in the window sends one command and never reaches the page as well.
import { describe, expect, test, vi } from 'vitest';
import { createEventHub, type HubEvent } from '../ipc/event-hub';
import { availableCommands, buildMenuEntries } from '../menu/menu-items';
import type { KeyInput } from '../menu/menu-shortcuts';
import { FakeEmitter, fakeElectron } from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).fakeElectron);

const { installAppMenu, routeMenuShortcuts } = await import('./app-menu');

interface TemplateItem {
  label?: string;
  role?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: TemplateItem[];
}

function findItem(items: TemplateItem[], label: string): TemplateItem {
  for (const item of items) {
    if (item.label === label) return item;
    const inside = item.submenu && findItemOrNull(item.submenu, label);
    if (inside) return inside;
  }
  throw new Error(`no menu item "${label}"`);
}
function findItemOrNull(items: TemplateItem[], label: string): TemplateItem | null {
  try {
    return findItem(items, label);
  } catch {
    return null;
  }
}

function world(platform = 'linux') {
  const hub = createEventHub({ log: () => {} });
  const seen: HubEvent[] = [];
  hub.subscribe((event) => seen.push(event));
  const actions: string[] = [];
  const entries = buildMenuEntries({ platform, version: '0.1.0', available: availableCommands });
  const handlers = {
    command: (command: Parameters<typeof hub.emit<'menu.command'>>[1]['command']) =>
      hub.emit('menu.command', { command }),
    action: (action: string) => actions.push(action),
  };
  installAppMenu(entries, handlers);
  const template = fakeElectron.menu.template as TemplateItem[];
  return { hub, seen, actions, entries, handlers, template };
}

describe('the application menu in Electron', () => {
  test('is set as the application menu, with the standard roles for editing', () => {
    const { template } = world();
    expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalled();
    const edit = findItem(template, '&Edit');
    expect(edit.submenu!.map((item) => item.role ?? 'separator')).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    const view = findItem(template, '&View')
      .submenu!.map((item) => item.role)
      .filter(Boolean);
    expect(view).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
  });

  test.each([
    ['New customer', 'customer.new'],
    ['Sync now', 'sync.now'],
    ['Print customer…', 'print'],
    ['Settings…', 'go.settings'],
    ['Customers', 'go.customers'],
    ['Changes', 'go.changes'],
    ['Settings', 'go.settings'],
  ])('%s → the window gets menu.command %s', (label, command) => {
    const { template, seen } = world();
    findItem(template, label).click!();
    expect(seen).toEqual([{ event: 'menu.command', payload: { command } }]);
  });

  test('About, Show logs folder and Open documentation stay in main', () => {
    const { template, seen, actions } = world();
    findItem(template, 'About Fieldbook 0.1.0').click!();
    findItem(template, 'Show logs folder').click!();
    findItem(template, 'Open documentation').click!();
    expect(actions).toEqual(['about', 'showLogs', 'openDocs']);
    expect(seen).toEqual([]);
  });

  test('macOS: About, Settings and Quit in the app menu', () => {
    const { template } = world('darwin');
    const appMenu = template[0]!.submenu!;
    expect(template[0]!.label).toBe('Fieldbook');
    expect(appMenu.map((item) => item.label ?? item.role)).toEqual(
      expect.arrayContaining(['About Fieldbook 0.1.0', 'Settings…', 'Quit Fieldbook']),
    );
  });

  test('Ctrl+N pressed once: one New customer, and the page never sees the press', () => {
    const { entries, seen, handlers } = world();
    const contents = new FakeEmitter();
    routeMenuShortcuts(contents as never, entries, 'linux', handlers.command);
    const press = (input: Partial<KeyInput>) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('before-input-event', event, {
        type: 'keyDown',
        key: 'n',
        control: false,
        meta: false,
        alt: false,
        shift: false,
        ...input,
      });
      return event.preventDefault.mock.calls.length;
    };
    expect(press({ control: true })).toBe(1);
    expect(press({ control: true, isAutoRepeat: true })).toBe(1);
    expect(press({ type: 'keyUp', control: true })).toBe(0);
    expect(press({ key: 'f', control: true })).toBe(0);
    expect(press({})).toBe(0);
    expect(seen).toEqual([{ event: 'menu.command', payload: { command: 'customer.new' } }]);
  });
});
