// One running lab: the harness child, our own Chromium on a fixed profile, and the lab page. It
// kills either process (`kill -9`) and brings it back the way a person would: reopen the browser
// on the same profile, or restart main on the same port and reload the page.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncLabApi } from '../sync-lab/lab-api';
import { startChromium, type RunningChromium } from './chromium-process';
import { startHarnessChild, type HarnessChild } from './harness-child';
import { listIsBack } from './list-is-back';
import { isQuiet, latencyMarginMs } from './quiet';

/** A lab call that died with the browser, the page or the harness it talked to: re-issue it. */
export class LabCrash extends Error {}

export interface LabSessionOptions {
  port: number;
  harnessProfile: string;
  chromiumProfile: string;
  labDir: string;
  tmpDir: string;
  revnuePerMinute: number;
  log: (line: string) => void;
  harnessLog: (line: string) => void;
}

type Method = keyof SyncLabApi;
type Args<M extends Method> = Parameters<SyncLabApi[M]>;
type Answer<M extends Method> = Awaited<ReturnType<SyncLabApi[M]>>;

export class LabSession {
  #chromium: RunningChromium | undefined;
  #harness: HarnessChild | undefined;
  /** Bumped by every kill and reload: a call that fails across a bump died with the process. */
  #generation = 0;
  #ready: Promise<void> = Promise.resolve();
  #restarts: Promise<void> = Promise.resolve();
  #online = false;
  readonly kills = { chromium: 0, harness: 0 };
  /** Chromium kills after which its IndexedDB was deleted (a wiped profile). */
  wipes = 0;
  /** Changes the lab put back from main's journal, summed over every start. */
  restored = 0;
  readonly restartMs: number[] = [];

  constructor(private readonly options: LabSessionOptions) {}

  async open(): Promise<void> {
    this.#harness = await this.#startHarness();
    this.#chromium = await this.#startChromium();
    await this.#chromium.page.goto(this.#harness.url);
  }

  /** The sandbox details the harness printed (null: it was started without one). */
  get harnessUrl(): string {
    return this.#harness?.url ?? '';
  }

  /** Starts the lab on the loaded page; every restart starts it again with the same setting. */
  async startLab(online: boolean): Promise<void> {
    this.#online = online;
    await this.#evaluate('start', [{ online }]);
  }

  async setOnline(online: boolean): Promise<void> {
    this.#online = online;
    // A lab restarted meanwhile starts with #online already: repeating the call is harmless.
    await this.retrying('setOnline', online);
  }

  /** Calls `window.syncLab[method]`; throws LabCrash when a kill or reload cut it off. */
  async call<M extends Method>(method: M, ...args: Args<M>): Promise<Answer<M>> {
    await this.#ready;
    return this.#evaluate(method, args);
  }

  /** Calls until one attempt lives through the kills (for calls that are safe to repeat). */
  async retrying<M extends Method>(method: M, ...args: Args<M>): Promise<Answer<M>> {
    for (;;) {
      try {
        return await this.call(method, ...args);
      } catch (error) {
        if (!(error instanceof LabCrash)) throw error;
      }
    }
  }

  /**
   * `wipe`: while Chromium is dead, its profile's IndexedDB folder is deleted (what a cleaning
   * tool or a corrupt database does); the lab must restore from main's journal.
   */
  killChromium(options: { wipe?: boolean } = {}): Promise<void> {
    return this.#serial(async () => {
      const started = Date.now();
      this.#generation += 1;
      let release = () => {};
      this.#ready = new Promise<void>((resolve) => (release = resolve));
      await this.#chromium?.kill();
      this.kills.chromium += 1;
      this.options.log(
        `kill ${this.#killCount()}: chromium (kill -9 of pid ${this.#chromium?.pid})`,
      );
      if (options.wipe) {
        await rm(join(this.options.chromiumProfile, 'Default', 'IndexedDB'), {
          recursive: true,
          force: true,
        });
        this.wipes += 1;
        this.options.log(`wipe ${this.wipes}: deleted Chromium's IndexedDB`);
      }
      try {
        this.#chromium = await this.#startChromium();
        await this.#loadLab();
        if (options.wipe) await this.#pullAfterWipe();
      } finally {
        release();
      }
      this.restartMs.push(Date.now() - started);
    });
  }

  killHarness(): Promise<void> {
    return this.#serial(async () => {
      const started = Date.now();
      this.#generation += 1;
      await this.#harness?.kill();
      this.kills.harness += 1;
      this.options.log(`kill ${this.#killCount()}: harness (kill -9 of pid ${this.#harness?.pid})`);
      // The page keeps running meanwhile: saves still commit locally, sync calls fail.
      this.#harness = await this.#startHarness();
      let release = () => {};
      this.#ready = new Promise<void>((resolve) => (release = resolve));
      this.#generation += 1;
      try {
        await this.#loadLab();
      } finally {
        release();
      }
      this.restartMs.push(Date.now() - started);
    });
  }

  /** Waits for any restart in progress (kills are fired without waiting for them). */
  async idle(): Promise<void> {
    await this.#restarts;
    await this.#ready;
  }

  async close(): Promise<void> {
    await this.#restarts.catch(() => {});
    await this.#chromium?.kill();
    await this.#harness?.stop();
  }

  #killCount(): number {
    return this.kills.chromium + this.kills.harness;
  }

  #serial(task: () => Promise<void>): Promise<void> {
    const run = this.#restarts.then(task);
    this.#restarts = run.catch(() => {});
    return run;
  }

  async #loadLab(): Promise<void> {
    const chromium = this.#chromium;
    const harness = this.#harness;
    if (!chromium || !harness) throw new Error('the lab is not open');
    await chromium.page.goto(harness.url);
    await this.#evaluate('start', [{ online: this.#online }]);
    const restored = await this.#evaluate('restored', []);
    if (restored > 0) this.options.log(`restored ${restored} change(s) from the journal`);
    this.restored += restored;
  }

  async #evaluate<M extends Method>(method: M, args: unknown[]): Promise<Answer<M>> {
    const generation = this.#generation;
    const page = this.#chromium?.page;
    if (!page) throw new LabCrash('no page');
    try {
      return (await page.evaluate(
        ([name, list]) => {
          const lab = (
            globalThis as unknown as { syncLab: Record<string, (...args: unknown[]) => unknown> }
          ).syncLab;
          return lab[name as string]!(...(list as unknown[]));
        },
        [method, args] as const,
      )) as Answer<M>;
    } catch (error) {
      if (generation !== this.#generation || page.isClosed()) {
        throw new LabCrash(`${method} was cut off: ${String(error)}`);
      }
      throw error;
    }
  }

  /**
   * A wiped store holds only what the journal put back: the customers themselves come with the
   * next complete pull, and a person cannot edit what the list does not show. So, like a person
   * who reconnects after their data went, the lab goes online until both connections pulled once.
   */
  async #pullAfterWipe(): Promise<void> {
    const wasOnline = this.#online;
    const started = Date.now();
    if (!wasOnline) await this.#evaluate('setOnline', [true]);
    const deadline = Date.now() + 120_000;
    let pushedFirst = false;
    for (;;) {
      const { statuses } = await this.#evaluate('activity', []);
      const lastPulls = await this.#evaluate('lastPulls', []);
      // …and the run is past its pushes: offline in the middle of one, the rest of that entry (a
      // PUT after its GET) would still go out. Hydration may go on: it details rows already listed.
      const pushing = statuses.some((s) => s.phase === 'pulling' || s.phase === 'pushing');
      if (listIsBack(statuses, lastPulls) && !pushing) break;
      // What the run once took for "pulled" (list-is-back.ts): say when it is seen early.
      const early = statuses.find((s) => s.lastSuccessAt !== null && !lastPulls[s.connectionId]);
      if (!pushedFirst && early) {
        pushedFirst = true;
        this.options.log(
          `after the wipe, a run of ${early.connectionId} succeeded before its pull; waiting`,
        );
      }
      if (Date.now() > deadline) throw new Error('after a wipe, the lab did not pull in 120 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    this.options.log(`after the wipe, the first pull took ${Date.now() - started} ms`);
    if (wasOnline) return;
    await this.#evaluate('setOnline', [false]);
    // Offline again, and quiet as the run left it: a push the catch-up still had under way (the
    // run goes on after its pull) must not race the colleague's edits that may come next.
    const quietBy = Date.now() + 60_000;
    while (!isQuiet(await this.#evaluate('activity', []))) {
      if (Date.now() > quietBy) throw new Error('after a wipe, the lab did not go quiet in 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, latencyMarginMs));
  }

  #startHarness(): Promise<HarnessChild> {
    return startHarnessChild({
      port: this.options.port,
      profileDir: this.options.harnessProfile,
      rendererDir: this.options.labDir,
      tmpDir: this.options.tmpDir,
      revnuePerMinute: this.options.revnuePerMinute,
      log: this.options.harnessLog,
    });
  }

  #startChromium(): Promise<RunningChromium> {
    return startChromium({
      profileDir: this.options.chromiumProfile,
      tmpDir: this.options.tmpDir,
    });
  }
}
