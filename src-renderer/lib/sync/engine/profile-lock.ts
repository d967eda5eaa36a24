// One sync runner per profile across windows (a frozen window must not stop sync): the window
// holding the Web Lock syncs, the others wait in the lock's queue. The holder beats a heartbeat; a
// waiting window that sees the beat go stale (a hung holder never releases) takes the lock over
// with `steal`.
import type { Clock } from '../../../../src-shared/time/clock';

/** The part of `navigator.locks` the runner uses (tests inject their own). */
export interface LockManagerLike {
  request<R>(
    name: string,
    options: { mode?: 'exclusive'; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<R>,
  ): Promise<R>;
}

/** Where the holder's last beat is kept, readable by every window of the profile. */
export interface Heartbeat {
  read(): number | null;
  write(at: number): void;
}

export interface LockTiming {
  readonly beatEveryMs: number;
  /**
   * A beat older than this means the holder hangs. Well above a background window's throttled
   * timers (Chromium runs them about once a minute) and every request's time-out, so a steal
   * never races a holder that is merely slow, nor a create it still has in flight.
   */
  readonly staleAfterMs: number;
}

export const defaultLockTiming: LockTiming = { beatEveryMs: 10_000, staleAfterMs: 90_000 };

export interface ProfileLockOptions {
  readonly locks: LockManagerLike;
  readonly name: string;
  readonly heartbeat: Heartbeat;
  readonly clock: Clock;
  readonly timing: LockTiming;
  readonly onAcquired: () => void;
  readonly onLost: () => void;
}

export class ProfileLock {
  readonly #options: ProfileLockOptions;
  #held = false;
  #closed = false;
  #release: (() => void) | null = null;
  #waiting: AbortController | null = null;
  #cancelTimer: (() => void) | null = null;
  #request: Promise<void> | null = null;

  constructor(options: ProfileLockOptions) {
    this.#options = options;
  }

  get held(): boolean {
    return this.#held;
  }

  start(): void {
    this.#acquire(false);
  }

  /** Releases the lock (or leaves the queue) so another window can take over. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#cancelTimer?.();
    this.#waiting?.abort();
    this.#release?.();
    await this.#request?.catch(() => undefined);
  }

  #acquire(steal: boolean): void {
    if (this.#closed) return;
    const { locks, name } = this.#options;
    // A stealing request may not carry a signal (Web Locks spec): it is granted at once anyway.
    const controller = steal ? null : new AbortController();
    this.#waiting = controller;
    if (controller) this.#watchHeartbeat(controller, this.#options.clock.now());
    const options = controller ? { signal: controller.signal } : { steal: true };
    let stealing = false;
    if (controller) controller.signal.addEventListener('abort', () => (stealing = !this.#closed));
    const request = locks.request(name, options, () => this.#hold());
    this.#request = request.then(
      () => this.#ended(),
      () => {
        this.#ended();
        if (this.#closed) return;
        // Our waiting request was aborted to steal; or our held lock was stolen from us (we were
        // hung): queue up again behind the window that took it.
        this.#acquire(stealing);
      },
    );
  }

  #hold(): Promise<void> {
    this.#waiting = null;
    this.#cancelTimer?.();
    this.#held = true;
    this.#beat();
    this.#options.onAcquired();
    return new Promise<void>((resolve) => (this.#release = resolve));
  }

  #ended(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    this.#release?.();
    this.#release = null;
    if (this.#held) {
      this.#held = false;
      this.#options.onLost();
    }
  }

  #beat(): void {
    const { heartbeat, clock, timing } = this.#options;
    heartbeat.write(clock.now());
    this.#cancelTimer = clock.schedule(() => {
      if (this.#held && !this.#closed) this.#beat();
    }, timing.beatEveryMs);
  }

  /** While waiting: check the holder's beat; a stale one means it hangs, so steal. */
  #watchHeartbeat(controller: AbortController, waitingSince: number): void {
    const { heartbeat, clock, timing } = this.#options;
    this.#cancelTimer = clock.schedule(() => {
      if (this.#closed || this.#held || controller.signal.aborted) return;
      // No beat at all: count from when we began to wait.
      const lastBeat = heartbeat.read() ?? waitingSince;
      if (clock.now() - lastBeat > timing.staleAfterMs) {
        controller.abort();
        return;
      }
      this.#watchHeartbeat(controller, waitingSince);
    }, timing.beatEveryMs);
  }
}
