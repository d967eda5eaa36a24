// OnlineState remembers the last online/offline event (not navigator.onLine) and tells each
// subscriber every event once, through one listener per event type for the whole window.
import { describe, expect, test } from 'vitest';
import { OnlineState } from './online.svelte';

function fakeWindow() {
  const target = new EventTarget();
  let listening = 0;
  return {
    events: {
      addEventListener: (...args: Parameters<EventTarget['addEventListener']>) => {
        listening += 1;
        target.addEventListener(...args);
      },
      removeEventListener: (...args: Parameters<EventTarget['removeEventListener']>) => {
        listening -= 1;
        target.removeEventListener(...args);
      },
    } as unknown as Window,
    fire: (type: 'online' | 'offline') => target.dispatchEvent(new Event(type)),
    listening: () => listening,
  };
}

describe('OnlineState', () => {
  test('two readers, one listener per event: each reader hears an event once', () => {
    const win = fakeWindow();
    const online = new OnlineState(win.events);
    const first: boolean[] = [];
    const second: boolean[] = [];
    online.subscribe((value) => first.push(value));
    online.subscribe((value) => second.push(value));
    expect(win.listening()).toBe(2); // 'online' and 'offline', not per subscriber

    win.fire('offline');
    expect(first).toEqual([false]);
    expect(second).toEqual([false]);
    expect(online.online).toBe(false);
    expect(online.isOnline()).toBe(false);

    win.fire('online');
    expect(first).toEqual([false, true]);
    expect(online.online).toBe(true);
  });

  test('remembers the last event even with nobody subscribed, until disposed', () => {
    const win = fakeWindow();
    const online = new OnlineState(win.events);
    win.fire('offline');
    expect(online.online).toBe(false);
    const stop = online.subscribe(() => undefined);
    stop();
    win.fire('online');
    expect(online.online).toBe(true);

    online.dispose();
    expect(win.listening()).toBe(0);
    win.fire('offline');
    expect(online.online).toBe(true);
  });
});
