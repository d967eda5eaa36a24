// Tests only: the rows side of a customer list, as the worker fills it. A row is missing until
// the test makes it arrive; arriving bumps one signal that every rowAt reads, like the list's.
import type { DisplayRow } from '../../../lib/search/search-types';

export class ArrivingRows {
  #version = $state(0);
  // Plain, like the list's: #version is the one signal that rows arrived.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see above
  readonly #rows = new Map<number, DisplayRow>();

  rowAt = (doc: number): DisplayRow | undefined => {
    void this.#version;
    return this.#rows.get(doc);
  };

  arrive(rows: readonly DisplayRow[], docs: readonly number[]): void {
    docs.forEach((doc, at) => this.#rows.set(doc, rows[at]!));
    this.#version += 1;
  }
}
