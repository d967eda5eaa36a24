// Page object for the customer list (src-renderer/features/customers): the searchbox, the grid
// named "Customers" with its aria-rowcount and rows, the result count and "New customer". The
// grid's row 1 is its header row (ARIA counts it), so customer n is aria-rowindex n + 1.
import { expect, type Locator, type Page } from '@playwright/test';

export class CustomerList {
  readonly search: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly newCustomer: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search customers' });
    this.grid = page.getByRole('grid', { name: 'Customers' });
    this.rows = this.grid.getByRole('row');
    this.count = page.locator('.count');
    this.newCustomer = page.getByRole('button', { name: 'New customer' });
  }

  async expectShown(count: number): Promise<void> {
    await expect(this.grid).toHaveAttribute('aria-rowcount', String(count + 1), {
      timeout: 60_000,
    });
  }

  async shown(): Promise<number> {
    return Number(await this.grid.getAttribute('aria-rowcount')) - 1;
  }

  /** The row at 1-based position `index` (it must be rendered: scroll or walk to it first). */
  row(index: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${index + 1}"]`);
  }

  /** The active row's position, from aria-activedescendant. */
  async activeIndex(): Promise<number> {
    const id = await this.grid.getAttribute('aria-activedescendant');
    return Number(await this.page.locator(`[id="${id}"]`).getAttribute('aria-rowindex')) - 1;
  }

  /**
   * The texts of the cells of the customer at 1-based position `index` (rendered: scroll or walk
   * to it first), found and read in one step in the page. The grid reuses its row elements as it
   * scrolls (an element shows another customer and takes that customer's aria-rowindex), and a
   * locator's read finds the element first and reads it in a second round trip: a scroll that
   * lands in between gave the next customer's texts.
   */
  async cellTexts(index: number): Promise<string[]> {
    return this.grid.evaluate((grid, rowIndex) => {
      const row = grid.querySelector(`[role="row"][aria-rowindex="${rowIndex}"]`);
      if (!row) throw new Error(`row ${rowIndex} of the customer grid is not drawn`);
      const cells = [...row.querySelectorAll('[role="gridcell"]')] as unknown as {
        innerText: string;
      }[];
      return cells.map((cell) => cell.innerText);
    }, index + 1);
  }
}
