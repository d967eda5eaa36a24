// One key press, one action. The page has its own Ctrl+N (the customer list's keydown handler) and
// the menu shows Ctrl+N too: in the desktop app main takes the menu's shortcuts before the page
// sees them (webContents `before-input-event`, whose preventDefault stops both the page's keydown
// and the menu's own accelerator), and sends the one command. In a browser the page's handler acts.
import type { MenuCommand } from '../../src-shared/ipc/events';
import { flattenMenu, type MenuEntry } from './menu-items';

/** What Electron's `before-input-event` reports of a key press (the fields used here). */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  isAutoRepeat?: boolean;
}

interface Shortcut {
  key: string;
  command: MenuCommand;
}

/** The menu's command shortcuts ("CmdOrCtrl+N", "CmdOrCtrl+,"), as key + command. */
export function commandShortcuts(entries: readonly MenuEntry[]): Shortcut[] {
  return flattenMenu(entries).flatMap((entry) => {
    if (entry.kind !== 'command' || !entry.accelerator) return [];
    const match = /^CmdOrCtrl\+(.)$/.exec(entry.accelerator);
    return match ? [{ key: match[1]!.toLowerCase(), command: entry.command }] : [];
  });
}

/** The menu command a key press means, or null to let it through to the page. */
export function commandForKey(
  input: KeyInput,
  shortcuts: readonly Shortcut[],
  platform: string,
): MenuCommand | null {
  if (input.type !== 'keyDown' || input.alt || input.shift) return null;
  // CmdOrCtrl: ⌘ on macOS (Ctrl there is another key), Ctrl elsewhere.
  const mod = platform === 'darwin' ? input.meta && !input.control : input.control && !input.meta;
  if (!mod) return null;
  const key = input.key.toLowerCase();
  return shortcuts.find((shortcut) => shortcut.key === key)?.command ?? null;
}
