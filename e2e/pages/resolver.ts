// Page object for the dialog "Resolve conflict" (src-renderer/features/conflicts): per field a
// group named by the field's label with the choices "Mine", "Theirs" and another value.
import { expect, type Locator, type Page } from '@playwright/test';

export class Resolver {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Resolve conflict' });
  }

  /** The field's group ("City", "Phone", …). */
  field(label: string): Locator {
    return this.dialog.getByRole('group', { name: label, exact: true });
  }

  async choose(label: string, choice: 'Mine' | 'Theirs'): Promise<void> {
    await this.field(label).getByRole('radio', { name: choice, exact: true }).check();
  }

  async resolve(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
