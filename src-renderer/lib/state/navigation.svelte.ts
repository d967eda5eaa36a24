// Where the salesperson is: which screen, and which customer (if any) is open in the editor.
// One instance per window, provided through the app context; components never pass it down.

export type Screen = 'customers' | 'changes' | 'settings';

/** The editor's subject: an existing customer by its local key, or a new one. */
export type OpenCustomer = { kind: 'existing'; key: string } | { kind: 'new' };

/**
 * Asked before the open customer is left (the editor's unsaved-changes guard). True: leave now.
 * False: not now — the guard keeps `proceed` and calls it if the salesperson decides to leave.
 */
export type LeaveGuard = (proceed: () => void) => boolean;

export class Navigation {
  #screen = $state<Screen>('customers');
  #open = $state<OpenCustomer | null>(null);
  // Counts the customers opened, so the editor starts afresh for each one but not on replaceOpen.
  #visit = $state(0);
  #guard: LeaveGuard | null = null;

  get screen(): Screen {
    return this.#screen;
  }

  get openCustomer(): OpenCustomer | null {
    return this.#open;
  }

  /** Changes each time a customer is opened (not when a create's key is replaced). */
  get visit(): number {
    return this.#visit;
  }

  go(screen: Screen): void {
    if (screen === this.#screen) return;
    // Another screen unmounts the editor: that leaves the open customer.
    this.#leaving(() => (this.#screen = screen));
  }

  /** Opens a customer in the editor (on the Customers screen). */
  open(key: string): void {
    const open = this.#open;
    if (open?.kind === 'existing' && open.key === key) {
      this.#screen = 'customers';
      return;
    }
    this.#leaving(() => this.#show({ kind: 'existing', key }));
  }

  newCustomer(): void {
    this.#leaving(() => this.#show({ kind: 'new' }));
  }

  /** After a create was saved, the editor keeps showing it under its new local key. */
  replaceOpen(key: string): void {
    if (this.#open) this.#open = { kind: 'existing', key };
  }

  close(): void {
    if (this.#open) this.#leaving(() => (this.#open = null));
  }

  /** Runs `then` after the open customer is closed (through the guard): switching connection. */
  leaveCustomer(then: () => void): void {
    if (!this.#open) return then();
    this.#leaving(() => {
      this.#open = null;
      then();
    });
  }

  /** The editor installs its guard while it is open; the returned function removes it. */
  setLeaveGuard(guard: LeaveGuard): () => void {
    this.#guard = guard;
    return () => {
      if (this.#guard === guard) this.#guard = null;
    };
  }

  #leaving(action: () => void): void {
    if (!this.#open || !this.#guard || this.#guard(action)) action();
  }

  #show(open: OpenCustomer): void {
    this.#screen = 'customers';
    this.#open = open;
    this.#visit += 1;
  }
}
