// The menu list: every command the brief names, in its place on each OS, standard roles for
// editing, and items for commands the window cannot do left out.
import { describe, expect, test } from 'vitest';
import type { MenuCommand } from '../../src-shared/ipc/events';
import { availableCommands, buildMenuEntries, flattenMenu, type MenuEntry } from './menu-items';

const linux = buildMenuEntries({
  platform: 'linux',
  version: '1.2.3',
  available: availableCommands,
});
const mac = buildMenuEntries({
  platform: 'darwin',
  version: '1.2.3',
  available: availableCommands,
});

const topLabels = (entries: MenuEntry[]) =>
  entries.map((entry) => (entry.kind === 'submenu' ? entry.label.replace('&', '') : entry.kind));
const submenu = (entries: MenuEntry[], label: string) => {
  const found = entries.find((e) => e.kind === 'submenu' && e.label.replace('&', '') === label);
  if (found?.kind !== 'submenu') throw new Error(`no ${label} menu`);
  return found.items;
};
const describeItem = (entry: MenuEntry) =>
  entry.kind === 'command'
    ? `${entry.label} → ${entry.command}${entry.accelerator ? ` (${entry.accelerator})` : ''}`
    : entry.kind === 'action'
      ? `${entry.label} → main:${entry.action}`
      : entry.kind === 'role'
        ? `role:${entry.role}`
        : entry.kind === 'separator'
          ? '—'
          : `${entry.label}…`;

describe('the application menu list', () => {
  test('Windows and Linux: File, Edit, View, Window, Help', () => {
    expect(topLabels(linux)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(submenu(linux, 'File').map(describeItem)).toEqual([
      'New customer → customer.new (CmdOrCtrl+N)',
      'Sync now → sync.now',
      '—',
      'Export… → export',
      'Print customer… → print (CmdOrCtrl+P)',
      '—',
      'Settings… → go.settings (CmdOrCtrl+,)',
      '—',
      'role:quit',
    ]);
    expect(submenu(linux, 'Edit').map(describeItem)).toEqual([
      'role:undo',
      'role:redo',
      '—',
      'role:cut',
      'role:copy',
      'role:paste',
      'role:selectAll',
    ]);
    expect(submenu(linux, 'View').map(describeItem)).toEqual([
      'Customers → go.customers (CmdOrCtrl+1)',
      'Changes → go.changes (CmdOrCtrl+2)',
      'Settings → go.settings (CmdOrCtrl+3)',
      '—',
      'role:zoomIn',
      'role:zoomOut',
      'role:resetZoom',
      '—',
      'role:togglefullscreen',
    ]);
    expect(submenu(linux, 'Help').map(describeItem)).toEqual([
      'About Fieldbook 1.2.3 → main:about',
      '—',
      'Show logs folder → main:showLogs',
      'Open documentation → main:openDocs',
    ]);
  });

  test('macOS: the app menu carries About, Settings and Quit; File and Help do not', () => {
    expect(topLabels(mac)).toEqual(['Fieldbook', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = submenu(mac, 'Fieldbook').map(describeItem);
    expect(appMenu).toContain('About Fieldbook 1.2.3 → main:about');
    expect(appMenu).toContain('Settings… → go.settings (CmdOrCtrl+,)');
    expect(appMenu).toContain('role:quit');
    const file = submenu(mac, 'File').map(describeItem);
    expect(file).not.toContain('role:quit');
    expect(file.some((item) => item.startsWith('Settings'))).toBe(false);
    expect(submenu(mac, 'Help').map(describeItem)).not.toContain(
      'About Fieldbook 1.2.3 → main:about',
    );
  });

  test('Export appears only while the window can export (it can now)', () => {
    const labels = (entries: MenuEntry[]) => flattenMenu(entries).map(describeItem);
    const withoutExport = new Set<MenuCommand>(
      [...availableCommands].filter((command) => command !== 'export'),
    );
    const without = buildMenuEntries({ platform: 'linux', version: '1', available: withoutExport });
    expect(labels(without).some((item) => item.includes('export'))).toBe(false);
    expect(submenu(linux, 'File').map(describeItem)).toContain('Export… → export');
    expect(submenu(mac, 'File').map(describeItem)).toContain('Export… → export');
  });

  test('no shortcut is given to two items of the same menu bar', () => {
    for (const entries of [linux, mac]) {
      const shortcuts = flattenMenu(entries)
        .filter((e) => e.kind === 'command' || e.kind === 'action')
        .flatMap((e) => ('accelerator' in e && e.accelerator ? [`${e.accelerator}`] : []));
      // Settings appears twice on purpose (File/app menu and View) with different shortcuts.
      expect(new Set(shortcuts).size).toBe(shortcuts.length);
    }
  });
});
