// Coalesces saves: many writes in a burst cause one file write shortly after, never two at once.
// `flush()` waits until everything changed so far is on disk (used on close).

export class SaveScheduler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #dirty = false;
  lastError: Error | undefined;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly delayMs = 200,
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  markDirty(): void {
    this.#dirty = true;
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      void this.#run();
    }, this.delayMs);
  }

  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#running || this.#dirty) await this.#run();
  }

  async #run(): Promise<void> {
    if (this.#running) return this.#running;
    if (!this.#dirty) return;
    this.#dirty = false;
    this.#running = this.save()
      .catch((error: Error) => {
        this.lastError = error;
        this.onError(error);
      })
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }
}
