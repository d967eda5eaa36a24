// The current time for countdowns ("next try in 12 s"), ticking once a second only while some
// effect or template reads it: createSubscriber starts the timer on the first reader and stops
// it when the last one goes, so an idle status bar costs nothing.
import { createSubscriber } from 'svelte/reactivity';

export class Now {
  #subscribe: () => void;

  constructor(intervalMs = 1000) {
    this.#subscribe = createSubscriber((update) => {
      const timer = setInterval(update, intervalMs);
      return () => clearInterval(timer);
    });
  }

  get value(): number {
    this.#subscribe();
    return Date.now();
  }
}
