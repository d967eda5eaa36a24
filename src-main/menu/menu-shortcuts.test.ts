// The shortcuts main routes before the page sees them: exactly the menu's command shortcuts,
// with ⌘ on macOS and Ctrl elsewhere; key-up, repeats with other modifiers, and plain typing pass.
import { describe, expect, test } from 'vitest';
import { availableCommands, buildMenuEntries } from './menu-items';
import { commandForKey, commandShortcuts, type KeyInput } from './menu-shortcuts';

const entries = buildMenuEntries({ platform: 'linux', version: '1', available: availableCommands });
const shortcuts = commandShortcuts(entries);
const press = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('menu shortcuts', () => {
  test('are read from the one menu list', () => {
    expect(shortcuts).toEqual([
      { key: 'n', command: 'customer.new' },
      { key: 'p', command: 'print' },
      { key: ',', command: 'go.settings' },
      { key: '1', command: 'go.customers' },
      { key: '2', command: 'go.changes' },
      { key: '3', command: 'go.settings' },
    ]);
  });

  test('Ctrl+N on Windows and Linux, ⌘N on macOS, means New customer — once', () => {
    expect(commandForKey(press('n', { control: true }), shortcuts, 'linux')).toBe('customer.new');
    expect(commandForKey(press('N', { control: true }), shortcuts, 'win32')).toBe('customer.new');
    expect(commandForKey(press('n', { meta: true }), shortcuts, 'darwin')).toBe('customer.new');
    expect(commandForKey(press('n', { control: true }), shortcuts, 'darwin')).toBeNull();
    expect(
      commandForKey({ ...press('n', { control: true }), type: 'keyUp' }, shortcuts, 'linux'),
    ).toBeNull();
  });

  test('typing and other combinations reach the page untouched', () => {
    expect(commandForKey(press('n'), shortcuts, 'linux')).toBeNull();
    expect(
      commandForKey(press('n', { control: true, shift: true }), shortcuts, 'linux'),
    ).toBeNull();
    expect(commandForKey(press('n', { control: true, alt: true }), shortcuts, 'linux')).toBeNull();
    expect(commandForKey(press('f', { control: true }), shortcuts, 'linux')).toBeNull();
    expect(commandForKey(press('s', { control: true }), shortcuts, 'linux')).toBeNull();
    expect(commandForKey(press('c', { control: true }), shortcuts, 'linux')).toBeNull();
  });
});
