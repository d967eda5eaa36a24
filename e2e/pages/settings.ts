// Page object for Settings (src-renderer/features/settings): each connection's item (rename,
// sign out, "Delete connection" with its warning) and the forms that add a connection by hand.
import { expect, type Locator, type Page } from '@playwright/test';

export interface RevnueByHand {
  name: string;
  baseUrl: string;
  token: string;
  /** The company's id as Revnue lists it (an account's only company is picked by itself). */
  company?: number;
}
export interface R2ByHand {
  name: string;
  baseUrl: string;
  issuer: string;
  clientId: string;
  /**
   * A scope to type: only for a server whose metadata lists none (the form then shows free text);
   * left out, the scopes the form offers and ticks are what the sign-in asks for.
   */
  scope?: string;
}

export class Settings {
  readonly heading: Locator;
  readonly connectionItems: Locator;
  readonly addRevnue: Locator;
  readonly addR2: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Settings', level: 1 });
    this.connectionItems = page.locator('li.connection');
    this.addRevnue = page.getByRole('button', { name: 'Add Revnue connection' });
    this.addR2 = page.getByRole('button', { name: 'Add Unibiz R2 connection' });
  }

  connection(name: string): Locator {
    return this.page.getByRole('listitem', { name, exact: true });
  }

  authBadge(name: string): Locator {
    return this.connection(name).locator('[data-auth-state]');
  }

  /** Fills the Revnue form, has the token checked, picks the company and saves. */
  async addRevnueConnection(input: RevnueByHand): Promise<void> {
    await this.addRevnue.click();
    const form = this.page.getByRole('form', { name: 'New Revnue connection' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill(input.name);
    await form.getByRole('textbox', { name: 'Base URL', exact: true }).fill(input.baseUrl);
    await form.getByLabel('API token').fill(input.token);
    await form.getByRole('button', { name: 'Check token' }).click();
    await expect(form.getByText('Revnue accepted the token.')).toBeVisible();
    const company = form.getByRole('combobox', { name: 'Company' });
    if (input.company !== undefined) await company.selectOption(String(input.company));
    await expect(company).not.toHaveValue('');
    await form.getByRole('button', { name: 'Save connection' }).click();
    await expect(form).toBeHidden();
  }

  get r2Form(): Locator {
    return this.page.getByRole('form', { name: 'New Unibiz R2 connection' });
  }

  /** The scope checkboxes the R2 form offers from the issuer's metadata. */
  get offeredScopes(): Locator {
    return this.r2Form.getByRole('group', { name: 'Scopes' }).getByRole('checkbox');
  }

  /**
   * Opens and fills the R2 form (issuer, client ID; leaving the issuer field has the form read the
   * scopes the server offers). A `scope` is typed only when given: then the form must show free text.
   */
  async fillR2Connection(input: R2ByHand): Promise<Locator> {
    await this.addR2.click();
    const form = this.r2Form;
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill(input.name);
    await form.getByRole('textbox', { name: 'Base URL', exact: true }).fill(input.baseUrl);
    await form.getByRole('textbox', { name: 'Issuer', exact: true }).fill(input.issuer);
    await form.getByRole('textbox', { name: 'Client ID', exact: true }).fill(input.clientId);
    if (input.scope)
      await form.getByRole('textbox', { name: 'Scope (optional)' }).fill(input.scope);
    return form;
  }

  /** Fills the R2 form and signs in with the browser. */
  async addR2Connection(input: R2ByHand): Promise<void> {
    const form = await this.fillR2Connection(input);
    await form.getByRole('button', { name: 'Sign in with browser' }).click();
    await expect(form).toBeHidden({ timeout: 30_000 });
  }

  async rename(from: string, to: string): Promise<void> {
    const item = this.connection(from);
    await item.getByLabel('Connection name').fill(to);
    await item.getByRole('button', { name: 'Rename' }).click();
    await expect(this.connection(to)).toBeVisible();
  }

  async signOut(name: string): Promise<void> {
    await this.connection(name).getByRole('button', { name: 'Sign out' }).click();
    await expect(this.authBadge(name)).toHaveText('Signed out');
  }

  /** Asks to delete; returns the warning dialog (confirm it with its "Delete connection"). */
  async askDelete(name: string): Promise<Locator> {
    await this.connection(name).getByRole('button', { name: 'Delete connection' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete connection' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async deleteConnection(name: string): Promise<string> {
    const dialog = await this.askDelete(name);
    const warning = (await dialog.locator('p').first().textContent()) ?? '';
    await dialog.getByRole('button', { name: 'Delete connection' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.connection(name)).toHaveCount(0);
    return warning;
  }
}
