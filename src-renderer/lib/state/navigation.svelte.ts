// Where the salesperson is: which screen, and which customer (if any) is open in the editor.
// One instance per window, provided through the app context; components never pass it down.

export type Screen = 'customers' | 'changes' | 'settings';

/** The editor's subject: an existing customer by its local key, or a new one. */
export type OpenCustomer = { kind: 'existing'; key: string } | { kind: 'new' };

export class Navigation {
  #screen = $state<Screen>('customers');
  #open = $state<OpenCustomer | null>(null);

  get screen(): Screen {
    return this.#screen;
  }

  get openCustomer(): OpenCustomer | null {
    return this.#open;
  }

  go(screen: Screen): void {
    this.#screen = screen;
  }

  /** Opens a customer in the editor (on the Customers screen). */
  open(key: string): void {
    this.#screen = 'customers';
    this.#open = { kind: 'existing', key };
  }

  newCustomer(): void {
    this.#screen = 'customers';
    this.#open = { kind: 'new' };
  }

  /** After a create was saved, the editor keeps showing it under its new local key. */
  replaceOpen(key: string): void {
    if (this.#open) this.#open = { kind: 'existing', key };
  }

  close(): void {
    this.#open = null;
  }
}
