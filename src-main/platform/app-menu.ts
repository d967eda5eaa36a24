// Electron's half of the application menu: turns the one menu list (src-main/menu/menu-items.ts)
// into Menu.buildFromTemplate's template, sends window commands as `menu.command` events, and
// takes the menu's shortcuts before the page sees them so one key press does one thing.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src-shared/ipc/events';
import type { MenuAction, MenuEntry } from '../menu/menu-items';
import { commandForKey, commandShortcuts, type KeyInput } from '../menu/menu-shortcuts';

export interface MenuHandlers {
  /** A command for the window: main emits it as a `menu.command` event. */
  command(command: MenuCommand): void;
  /** Something main does itself (About, Show logs folder, Open documentation). */
  action(action: MenuAction): void;
}

/** The template Electron builds the menu bar from; pure apart from the handlers it wires. */
export function menuTemplate(
  entries: readonly MenuEntry[],
  handlers: MenuHandlers,
): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    switch (entry.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return {
          role: entry.role,
          ...(entry.label ? { label: entry.label } : {}),
          ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
        };
      case 'command':
        return {
          label: entry.label,
          ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
          click: () => handlers.command(entry.command),
        };
      case 'action':
        return {
          label: entry.label,
          ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
          click: () => handlers.action(entry.action),
        };
      case 'submenu':
        return {
          label: entry.label,
          ...(entry.role ? { role: entry.role } : {}),
          submenu: menuTemplate(entry.items, handlers),
        };
    }
  });
}

export function installAppMenu(entries: readonly MenuEntry[], handlers: MenuHandlers): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(entries, handlers)));
}

/** What is needed of a webContents: its key presses before the page gets them. */
export interface KeyInputSource {
  on(
    event: 'before-input-event',
    listener: (event: { preventDefault(): void }, input: KeyInput) => void,
  ): unknown;
}

/**
 * The page's Ctrl+N (and the menu's) would both act on one press; main takes the press first.
 * Its preventDefault stops the page's keydown AND the menu accelerator, so the command goes once.
 */
export function routeMenuShortcuts(
  contents: KeyInputSource,
  entries: readonly MenuEntry[],
  platform: string,
  onCommand: (command: MenuCommand) => void,
): void {
  const shortcuts = commandShortcuts(entries);
  contents.on('before-input-event', (event, input) => {
    const command = commandForKey(input, shortcuts, platform);
    if (command === null) return;
    event.preventDefault();
    // Holding the keys down repeats the press: one new customer, not one per repeat.
    if (!input.isAutoRepeat) onCommand(command);
  });
}
