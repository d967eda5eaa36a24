// Main's quit decision with Electron mocked: the window's close button, Quit and the session's end
// go through the quit guard; a "window" subscribed to the real event hub answers through the real
// IPC router, as the renderer does — with changes waiting or not, each answer, hung, or gone.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createEventHub } from '../ipc/event-hub';
import { createIpcRouter } from '../ipc/router';
import { createQuitGuard, quitAnswerTimeoutMs, type QuitGuard } from '../quit/quit-guard';
import { FakeBrowserWindow, FakeEmitter, fakeElectron } from './test-support/fake-electron';
import { guardAppQuit, guardShutdown, guardWindowClose } from './quit-events';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).fakeElectron);

type Answer = 'quit' | 'cancel' | 'asking' | 'hang';

function world({ waiting = 0, answer = 'asking' as Answer, canAsk = true } = {}) {
  const app = Object.assign(new FakeEmitter(), { quit: vi.fn() });
  const window = new FakeBrowserWindow({});
  const powerMonitor = new FakeEmitter();
  const events = createEventHub({ log: () => {} });
  const guard: QuitGuard = createQuitGuard({
    events,
    // What app.quit() does in Electron: before-quit again, which the guard now lets through.
    quit: () => {
      app.quit();
      app.emit('before-quit', preventable());
    },
    canAsk: () => canAsk,
    log: () => {},
  });
  guardAppQuit(app as never, guard);
  guardWindowClose(window as never, guard);
  guardShutdown(powerMonitor as never, guard);
  const router = createIpcRouter({
    handlers: guard.handlers as never,
    isTrustedSender: () => true,
  });
  const send = (requestId: string, said: Exclude<Answer, 'hang'>) =>
    router.handle('desktop.quitAnswer', { url: 'app://fieldbook/' }, { requestId, answer: said });
  const asked: { requestId: string; reason: string }[] = [];
  const renderer = { answer };
  // The renderer: nothing waits → "quit" at once; otherwise the scripted answer.
  events.subscribe(({ event, payload }) => {
    if (event !== 'quit.requested') return;
    asked.push(payload);
    if (renderer.answer === 'hang') return;
    void send(payload.requestId, waiting === 0 ? 'quit' : renderer.answer);
  });
  return { app, window, powerMonitor, guard, asked, send, renderer };
}

function preventable() {
  return { preventDefault: vi.fn() };
}

/** Lets the router's async answer reach the guard. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  fakeElectron.app.quit.mockClear();
});
afterEach(() => vi.useRealTimers());

describe('closing the window', () => {
  test('with no changes waiting: the window is asked and Fieldbook quits at once', async () => {
    const { app, window, asked } = world({ waiting: 0 });
    const close = preventable();
    window.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(asked).toEqual([{ requestId: expect.any(String), reason: 'close' }]);
    await settle();
    expect(app.quit).toHaveBeenCalledTimes(1);
    // The close that follows app.quit() goes through.
    const again = preventable();
    window.emit('close', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  test('with changes waiting, "Cancel": nothing happens, and the next close asks again', async () => {
    const { app, window, guard, asked, send } = world({ waiting: 3 });
    window.emit('close', preventable());
    await settle();
    expect(guard.state).toBe('deciding');
    await send(asked[0]!.requestId, 'cancel');
    expect(guard.state).toBe('idle');
    // A person may take their time: no timer runs while the dialog is open.
    await vi.advanceTimersByTimeAsync(quitAnswerTimeoutMs * 10);
    expect(app.quit).not.toHaveBeenCalled();
    const again = preventable();
    window.emit('close', again);
    expect(again.preventDefault).toHaveBeenCalled();
    expect(asked).toHaveLength(2);
  });

  test('with changes waiting, a quit answer ("Sync now and quit" done, or "Quit — …") quits', async () => {
    const { app, window, asked, send } = world({ waiting: 2 });
    window.emit('close', preventable());
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(app.quit).not.toHaveBeenCalled();
    expect(await send(asked[0]!.requestId, 'quit')).toEqual({ ok: true, value: null });
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  test('an answer naming another request is refused in words and changes nothing', async () => {
    const { app, window, guard, send } = world({ waiting: 2 });
    window.emit('close', preventable());
    await settle();
    const answer = await send('not-the-request', 'quit');
    expect(answer).toEqual({
      ok: false,
      error: { kind: 'validation', message: 'This quit request is no longer open.' },
    });
    expect(app.quit).not.toHaveBeenCalled();
    expect(guard.state).toBe('deciding');
  });

  test('a window with no page to ask (crashed) closes without asking', () => {
    const { window, asked } = world({ canAsk: false });
    const close = preventable();
    window.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
    expect(asked).toEqual([]);
  });
});

describe('a hung window', () => {
  test('that never answers: Fieldbook quits after the answer timeout', async () => {
    const { app, window, guard } = world({ answer: 'hang' });
    window.emit('close', preventable());
    await vi.advanceTimersByTimeAsync(quitAnswerTimeoutMs - 1);
    expect(app.quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(guard.quitBy).toBe('timeout');
  });

  test('that hung after opening the dialog: the next quit asks again and times out', async () => {
    const w = world({ waiting: 1 });
    w.window.emit('close', preventable());
    await settle();
    expect(w.guard.state).toBe('deciding');
    // The page freezes; the person presses Ctrl+Q: main asks again, and nobody answers.
    w.renderer.answer = 'hang';
    w.app.emit('before-quit', preventable());
    expect(w.asked).toHaveLength(2);
    expect(w.guard.state).toBe('asking');
    await vi.advanceTimersByTimeAsync(quitAnswerTimeoutMs);
    expect(w.app.quit).toHaveBeenCalledTimes(1);
  });
});

describe('Quit from the menu, its shortcut or the Dock (before-quit)', () => {
  test('asks with reason "quit", and quits on the answer', async () => {
    const { app, asked, send } = world({ waiting: 5 });
    const beforeQuit = preventable();
    app.emit('before-quit', beforeQuit);
    expect(beforeQuit.preventDefault).toHaveBeenCalled();
    expect(asked[0]?.reason).toBe('quit');
    await settle();
    await send(asked[0]!.requestId, 'quit');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });
});

describe('the session ends', () => {
  test('Windows asks first (query-session-end): the shutdown is held while the person decides', async () => {
    const { app, window, asked, send } = world({ waiting: 4 });
    const query = preventable();
    window.emit('query-session-end', Object.assign(query, { reasons: ['shutdown'] }));
    expect(query.preventDefault).toHaveBeenCalled();
    expect(asked[0]?.reason).toBe('session-end');
    await settle();
    await send(asked[0]!.requestId, 'quit');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  test('Windows session-end (cannot be stopped): quits at once, no question', () => {
    const { app, window, asked } = world({ waiting: 4 });
    window.emit('session-end', { reasons: ['logoff'] });
    expect(asked).toEqual([]);
    expect(app.quit).toHaveBeenCalledTimes(1);
    const close = preventable();
    window.emit('close', close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  test('Linux/macOS shutdown: held for the moment it takes to quit, without a dialog', () => {
    const { app, powerMonitor, asked } = world({ waiting: 4 });
    const shutdown = preventable();
    powerMonitor.emit('shutdown', shutdown);
    expect(shutdown.preventDefault).toHaveBeenCalled();
    expect(asked).toEqual([]);
    expect(app.quit).toHaveBeenCalledTimes(1);
  });
});
