// The system locale as main hands it on: canonical tags, an unusable value replaced, and a change
// announced once (through the real event hub and its schema) when a window regains focus.
import { describe, expect, test } from 'vitest';
import { createEventHub, type HubEvent } from '../ipc/event-hub';
import { createLocaleWatcher, usableLocale } from './system-locale';

describe('system locale', () => {
  test('turns what the OS says into a tag Intl understands', () => {
    expect(usableLocale('de-DE')).toBe('de-DE');
    expect(usableLocale('en_GB.UTF-8')).toBe('en-GB');
    expect(usableLocale('fr-ca')).toBe('fr-CA');
    expect(usableLocale('')).toBeNull();
    expect(usableLocale('not a locale!')).toBeNull();
  });

  test('announces a change once, and only a change', () => {
    const hub = createEventHub({ log: () => {} });
    const seen: HubEvent[] = [];
    hub.subscribe((event) => seen.push(event));
    let system = 'en-GB';
    const watcher = createLocaleWatcher({ read: () => system, events: hub });
    expect(watcher.current()).toBe('en-GB');
    watcher.check();
    expect(seen).toEqual([]);
    system = 'de_DE';
    watcher.check();
    watcher.check();
    expect(seen).toEqual([{ event: 'locale.changed', payload: { locale: 'de-DE' } }]);
    expect(watcher.current()).toBe('de-DE');
  });

  test('a system value that cannot be used falls back instead of breaking the window', () => {
    const hub = createEventHub({ log: () => {} });
    const watcher = createLocaleWatcher({
      read: () => {
        throw new Error('no locale');
      },
      events: hub,
    });
    expect(watcher.current()).toBe('en-US');
  });
});
