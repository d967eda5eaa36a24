// A signal that changes at most once per animation frame, at the frame after what `watch` reads
// changed. The customer grid draws the rows that arrive from the search worker by it: rows are
// asked for as a window is drawn and arrive between frames, and during a fling the next frame
// has moved the window on before it paints. Written into the DOM as they arrive, those rows were
// laid out (the next scroll event's read of scrollTop forced it) and then replaced unseen: a
// whole window of text per frame (docs/performance.md#customer-grid-flinging).
export class FrameClock {
  #tick = $state(0);
  #frame = 0;

  /** Call while a component initialises: the clock lives as long as it does. */
  constructor(watch: () => unknown) {
    $effect(() => {
      watch();
      if (this.#frame === 0) this.#frame = requestAnimationFrame(this.#advance);
    });
    $effect(() => () => cancelAnimationFrame(this.#frame));
  }

  /** Read it to be run again at the frame after a change. */
  get tick(): number {
    return this.#tick;
  }

  #advance = (): void => {
    this.#frame = 0;
    this.#tick += 1;
  };
}
