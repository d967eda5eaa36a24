// Page object for the customer editor (src-renderer/features/editor): the form "Customer" with the
// connector's field labels ("Name", "City", "Email" for Revnue; "Company name", "City" for R2),
// "Save" (or Ctrl+S), its status line ("Saved on this computer…") and the field messages.
import { expect, type Locator, type Page } from '@playwright/test';

export class Editor {
  readonly form: Locator;
  readonly save: Locator;
  readonly status: Locator;
  readonly resolveConflict: Locator;
  readonly refused: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Customer' });
    this.save = this.form.getByRole('button', { name: 'Save', exact: true });
    this.status = this.form.getByRole('status');
    this.resolveConflict = page.getByRole('button', { name: 'Resolve conflict' });
    this.refused = page.getByRole('alert').filter({ hasText: 'The server refused this change' });
  }

  /** A text field by its label (the required mark is hidden from the name). */
  field(label: string): Locator {
    return this.form.getByRole('textbox', { name: label, exact: true });
  }

  /** A text field inside one section ("City" in "Address": R2 has a city in every address). */
  fieldIn(section: string, label: string): Locator {
    return this.form
      .getByRole('group', { name: section, exact: true })
      .getByRole('textbox', { name: label, exact: true });
  }

  async fill(values: Readonly<Record<string, string>>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
  }

  /** Saves with the keyboard (Ctrl+S) and waits for "Saved on this computer…". */
  async saveWithKeys(): Promise<void> {
    await this.page.keyboard.press('Control+s');
    await expect(this.status).toContainText('Saved on this computer');
  }

  /** The messages shown under a field (linked to it by aria-describedby). */
  async messagesOf(label: string): Promise<string> {
    const field = this.field(label);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
    const texts = await Promise.all(
      ids.map((id) => this.page.locator(`[id="${id}"]`).textContent()),
    );
    return texts.join(' ');
  }
}
