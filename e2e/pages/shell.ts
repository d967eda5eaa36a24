// Page object for the shell around every screen (src-renderer/features/shell): the links
// "Customers", "Changes", "Settings", the switcher named "Connection" and the "Sync status" bar.
import { expect, type Locator, type Page } from '@playwright/test';

export type ScreenName = 'Customers' | 'Changes' | 'Settings';

export class Shell {
  readonly nav: Locator;
  readonly switcher: Locator;
  readonly syncStatus: Locator;
  readonly syncNow: Locator;
  /** The bar's own "Sign in", shown while the active connection is signed out. */
  readonly signIn: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Screens' });
    this.switcher = page.getByRole('combobox', { name: 'Connection' });
    this.syncStatus = page.getByRole('status', { name: 'Sync status' });
    this.syncNow = page.getByRole('button', { name: 'Sync now' });
    this.signIn = page
      .getByRole('contentinfo')
      .getByRole('button', { name: 'Sign in', exact: true });
  }

  link(name: ScreenName): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  async go(name: ScreenName): Promise<void> {
    await this.link(name).click();
    await expect(this.link(name)).toHaveAttribute('aria-current', 'page');
  }

  /** Chooses a connection by (the start of) its name, e.g. "Shop" for "Shop (Revnue API v2)". */
  async select(name: string): Promise<void> {
    const option = this.switcher.locator('option', { hasText: name }).first();
    const value = await option.getAttribute('value');
    await this.switcher.selectOption(value ?? name);
    await this.expectActive(name);
  }

  async expectActive(name: string): Promise<void> {
    await expect(this.switcher.locator('option:checked')).toContainText(name);
  }

  /** The status bar says how many changes wait ("No changes waiting", "1 change waiting"…). */
  async expectWaiting(count: number): Promise<void> {
    const words =
      count === 0
        ? 'No changes waiting'
        : count === 1
          ? '1 change waiting'
          : `${count} changes waiting`;
    await expect(this.syncStatus).toContainText(words, { timeout: 30_000 });
  }
}
