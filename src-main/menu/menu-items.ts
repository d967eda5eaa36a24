// The application menu as ONE list of plain data: labels, shortcuts, standard roles, and what each
// item does — a command for the window (an event) or an action main performs. The Electron
// adapter (src-main/platform/app-menu.ts) turns the list into Menu.buildFromTemplate's template.
import type { MenuCommand } from '../../src-shared/ipc/events';

/** What main itself does (no window involved). */
export type MenuAction = 'about' | 'showLogs' | 'openDocs';

/** Electron's standard roles the menu uses (the OS does the work, in the OS's words). */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'front'
  | 'quit'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'services'
  | 'windowMenu'
  | 'editMenu';

export type MenuEntry =
  | { kind: 'command'; label: string; command: MenuCommand; accelerator?: string }
  | { kind: 'action'; label: string; action: MenuAction; accelerator?: string }
  | { kind: 'role'; role: MenuRole; label?: string; accelerator?: string }
  | { kind: 'separator' }
  | {
      kind: 'submenu';
      label: string;
      role?: 'windowMenu' | 'help' | 'services';
      items: MenuEntry[];
    };

export interface MenuOptions {
  /** process.platform: macOS puts About, Settings and Quit in the app menu. */
  platform: string;
  /** Shown in "About Fieldbook". */
  version: string;
  /** Commands the window can do today; an item for one it cannot do is left out. */
  available: ReadonlySet<MenuCommand>;
}

/** The commands the window can carry out now. */
export const availableCommands: ReadonlySet<MenuCommand> = new Set<MenuCommand>([
  'customer.new',
  'sync.now',
  'export',
  'print',
  'go.customers',
  'go.changes',
  'go.settings',
]);

const separator: MenuEntry = { kind: 'separator' };

/** The whole menu bar, top level first. */
export function buildMenuEntries({ platform, version, available }: MenuOptions): MenuEntry[] {
  const mac = platform === 'darwin';
  const ifAvailable = (entry: MenuEntry & { kind: 'command' }): MenuEntry[] =>
    available.has(entry.command) ? [entry] : [];
  const about: MenuEntry = { kind: 'action', label: `About Fieldbook ${version}`, action: 'about' };
  const settings: MenuEntry = {
    kind: 'command',
    label: 'Settings…',
    command: 'go.settings',
    accelerator: 'CmdOrCtrl+,',
  };

  const appMenu: MenuEntry = {
    kind: 'submenu',
    label: 'Fieldbook',
    items: [
      about,
      separator,
      settings,
      separator,
      { kind: 'submenu', label: 'Services', role: 'services', items: [] },
      separator,
      { kind: 'role', role: 'hide' },
      { kind: 'role', role: 'hideOthers' },
      { kind: 'role', role: 'unhide' },
      separator,
      { kind: 'role', role: 'quit', label: 'Quit Fieldbook' },
    ],
  };

  const file: MenuEntry = {
    kind: 'submenu',
    label: '&File',
    items: [
      ...ifAvailable({
        kind: 'command',
        label: 'New customer',
        command: 'customer.new',
        accelerator: 'CmdOrCtrl+N',
      }),
      ...ifAvailable({ kind: 'command', label: 'Sync now', command: 'sync.now' }),
      separator,
      ...ifAvailable({ kind: 'command', label: 'Export…', command: 'export' }),
      ...ifAvailable({
        kind: 'command',
        label: 'Print customer…',
        command: 'print',
        accelerator: 'CmdOrCtrl+P',
      }),
      ...(mac
        ? []
        : [separator, settings, separator, { kind: 'role', role: 'quit', label: 'Quit' } as const]),
      ...(mac ? [separator, { kind: 'role', role: 'close' } as const] : []),
    ],
  };

  const edit: MenuEntry = {
    kind: 'submenu',
    label: '&Edit',
    items: [
      { kind: 'role', role: 'undo' },
      { kind: 'role', role: 'redo' },
      separator,
      { kind: 'role', role: 'cut' },
      { kind: 'role', role: 'copy' },
      { kind: 'role', role: 'paste' },
      { kind: 'role', role: 'selectAll' },
    ],
  };

  const view: MenuEntry = {
    kind: 'submenu',
    label: '&View',
    items: [
      ...ifAvailable({
        kind: 'command',
        label: 'Customers',
        command: 'go.customers',
        accelerator: 'CmdOrCtrl+1',
      }),
      ...ifAvailable({
        kind: 'command',
        label: 'Changes',
        command: 'go.changes',
        accelerator: 'CmdOrCtrl+2',
      }),
      ...ifAvailable({
        kind: 'command',
        label: 'Settings',
        command: 'go.settings',
        accelerator: 'CmdOrCtrl+3',
      }),
      separator,
      { kind: 'role', role: 'zoomIn' },
      { kind: 'role', role: 'zoomOut' },
      { kind: 'role', role: 'resetZoom' },
      separator,
      { kind: 'role', role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuEntry = {
    kind: 'submenu',
    label: '&Window',
    role: 'windowMenu',
    items: [
      { kind: 'role', role: 'minimize' },
      // Zoom (fill the screen) and "bring all to front" are macOS window verbs.
      ...(mac
        ? [
            { kind: 'role', role: 'zoom' } as const,
            separator,
            { kind: 'role', role: 'front' } as const,
          ]
        : [{ kind: 'role', role: 'close' } as const]),
    ],
  };

  const help: MenuEntry = {
    kind: 'submenu',
    label: '&Help',
    role: 'help',
    items: [
      ...(mac ? [] : [about, separator]),
      { kind: 'action', label: 'Show logs folder', action: 'showLogs' },
      { kind: 'action', label: 'Open documentation', action: 'openDocs' },
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}

/** Every entry, depth first (tests and the adapter's checks). */
export function flattenMenu(entries: readonly MenuEntry[]): MenuEntry[] {
  return entries.flatMap((entry) =>
    entry.kind === 'submenu' ? [entry, ...flattenMenu(entry.items)] : [entry],
  );
}
