// Main's half of quitting (docs/desktop.md#quitting): main owns the quit, but only the window knows
// whether changes wait, so main asks it (`quit.requested`) and quits on its answer (`desktop.quitAnswer`).
// Plain Node: Electron's close / before-quit / session events reach it from src-main/platform/.
import { randomBytes } from 'node:crypto';
import type { Handlers } from '../../src-shared/ipc/contract';
import type { QuitReason } from '../../src-shared/ipc/events';
import { fail, ok } from '../../src-shared/ipc/result';
import type { EventHub } from '../ipc/event-hub';

/**
 * How long the window has to answer a quit request. Counting the waiting changes takes it a few
 * milliseconds; a window that says nothing for this long is hung (or gone), and its saved changes
 * are in IndexedDB already, so quitting then loses nothing — it just cannot ask first.
 */
export const quitAnswerTimeoutMs = 5_000;

export interface QuitGuardOptions {
  events: Pick<EventHub, 'emit'>;
  /** Quits for real (Electron: app.quit()); the guard then lets every close through. */
  quit(): void;
  /** Whether a window is there to ask (open, its page not crashed). */
  canAsk(): boolean;
  answerTimeoutMs?: number;
  log?: (line: string) => void;
  /** Tests: a fixed id. */
  newRequestId?: () => string;
}

export type QuitState = 'idle' | 'asking' | 'deciding' | 'quitting';

export interface QuitGuard {
  /**
   * A quit is about to happen. True: let it (nothing to ask, or already decided); false: it was
   * stopped (the caller prevents the event) and the window was asked.
   */
  request(reason: QuitReason): boolean;
  /** The session ends and there is no time to ask: quit now, changes stay queued. */
  quitNow(why: string): void;
  readonly state: QuitState;
  /** Once quitting: whether the window answered, it timed out, or the session ended. */
  readonly quitBy: 'answer' | 'timeout' | 'session-end' | null;
  readonly handlers: Pick<Handlers, 'desktop.quitAnswer'>;
  dispose(): void;
}

/** `desktop.quitAnswer` where nothing asks to quit (main's services alone, in tests): said in words. */
export const noQuitGuard: Pick<Handlers, 'desktop.quitAnswer'> = {
  'desktop.quitAnswer': async () => fail('validation', 'Fieldbook is not asking to quit.'),
};

export function createQuitGuard(options: QuitGuardOptions): QuitGuard {
  const log = options.log ?? (() => {});
  const timeoutMs = options.answerTimeoutMs ?? quitAnswerTimeoutMs;
  const newRequestId = options.newRequestId ?? (() => randomBytes(12).toString('base64url'));
  let state: QuitState = 'idle';
  let requestId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let quitBy: QuitGuard['quitBy'] = null;

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const quit = (by: NonNullable<QuitGuard['quitBy']>) => {
    quitBy = by;
    stopTimer();
    state = 'quitting';
    requestId = null;
    options.quit();
  };

  return {
    get state() {
      return state;
    },
    get quitBy() {
      return quitBy;
    },
    request(reason) {
      if (state === 'quitting') return true;
      // No window to ask (none open, or its page crashed): nobody can have anything to say.
      if (!options.canAsk()) return true;
      // Asked again while the window is asking or the person deciding (Ctrl+Q pressed twice, the
      // close button clicked again): ask again with a fresh timer, so a window that hung after its
      // first answer cannot hold the app open for more than one more attempt.
      requestId = newRequestId();
      state = 'asking';
      stopTimer();
      timer = setTimeout(() => {
        log(`Fieldbook: the window did not answer the quit request in ${timeoutMs} ms; quitting`);
        quit('timeout');
      }, timeoutMs);
      options.events.emit('quit.requested', { requestId, reason });
      return false;
    },
    quitNow(why) {
      if (state === 'quitting') return;
      log(`Fieldbook: quitting without asking (${why}); waiting changes stay on this computer`);
      quit('session-end');
    },
    handlers: {
      'desktop.quitAnswer': async (input) => {
        if (state === 'quitting') return ok(null);
        if (requestId === null || input.requestId !== requestId) {
          return fail('validation', 'This quit request is no longer open.');
        }
        switch (input.answer) {
          case 'quit':
            quit('answer');
            break;
          case 'cancel':
            stopTimer();
            state = 'idle';
            requestId = null;
            break;
          case 'asking':
            // A person is deciding: no timer while the dialog is open.
            stopTimer();
            state = 'deciding';
            break;
        }
        return ok(null);
      },
    },
    dispose: stopTimer,
  };
}
