// Page object for the start screen (src-renderer/features/start): the welcome with Try the
// sandbox, the list of connections with their sign-in badges, and the customer count panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class StartScreen {
  readonly welcome: Locator;
  readonly tryTheSandbox: Locator;
  /** Adding a company account by hand, offered beside the sandbox on a first run. */
  readonly addRevnue: Locator;
  readonly connectionItems: Locator;
  readonly customers: Locator;

  constructor(readonly page: Page) {
    this.welcome = page.getByText('Fieldbook keeps your customers with you, online or not');
    this.tryTheSandbox = page.getByRole('button', { name: 'Try the sandbox' });
    this.addRevnue = page.getByRole('button', { name: 'Add Revnue connection' });
    // After the first run the shell shows the connections in Settings (features/settings).
    this.connectionItems = page.locator('li.connection');
    this.customers = page.getByRole('region', { name: 'Customers' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** The list item of the connection with this name. */
  connection(name: string): Locator {
    return this.connectionItems.filter({ hasText: name });
  }

  /** The badge's words (Signed in / Signing in… / Signed out). */
  authBadge(name: string): Locator {
    return this.connection(name).locator('[data-auth-state]');
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('link', { name: 'Settings' }).click();
  }

  /** Chooses the connection in the shell's switcher (named "Connection"). */
  async select(name: string): Promise<void> {
    const switcher = this.page.getByRole('combobox', { name: 'Connection' });
    const label = await switcher.locator('option', { hasText: name }).first().textContent();
    await switcher.selectOption({ label: label ?? name });
  }

  async expectActive(name: string): Promise<void> {
    await expect(this.page.locator('#connection-switcher option:checked')).toContainText(name);
  }

  /** The "N customers" line of the active connection. */
  get customerCount(): Locator {
    return this.customers.locator('.count');
  }
}
