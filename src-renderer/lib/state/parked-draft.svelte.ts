// A draft put aside while the salesperson looks at a possible duplicate ("Open existing"): the
// editor unmounts when another customer opens, so the draft waits here and comes back, exactly as
// it was, when its customer is opened again. One per window (module state), like the registry of
// the search workers: it must outlive the editor that parked it.

export interface ParkedDraft {
  readonly connectionId: string;
  /** The customer the draft belongs to; null for a new customer. */
  readonly key: string | null;
  /** What the form showed ("New customer", "Acme Ltd"): the way back is labelled with it. */
  readonly title: string;
  readonly draft: unknown;
  /** The candidates the salesperson said were not duplicates of this draft. */
  readonly dismissed: readonly string[];
}

class DraftParking {
  #parked = $state.raw<ParkedDraft | null>(null);

  get parked(): ParkedDraft | null {
    return this.#parked;
  }

  park(draft: ParkedDraft): void {
    this.#parked = draft;
  }

  /** The parked draft of this customer (null key: a new one), handed over once. */
  take(connectionId: string, key: string | null): ParkedDraft | null {
    const parked = this.#parked;
    if (!parked || parked.connectionId !== connectionId || parked.key !== key) return null;
    this.#parked = null;
    return parked;
  }

  clear(): void {
    this.#parked = null;
  }
}

export const draftParking = new DraftParking();
