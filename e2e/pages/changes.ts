// Page object for the Changes screen (src-renderer/features/changes): one group per customer with
// its waiting, rejected or conflicted changes and their reasons; "Resolve conflict", "Discard change".
import type { Locator, Page } from '@playwright/test';

export class Changes {
  readonly heading: Locator;
  readonly groups: Locator;
  readonly allSynced: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Changes', level: 1 });
    this.groups = page.locator('li.group');
    this.allSynced = page.getByText('Every change is on the server.');
  }

  /** The group of the customer with this name. */
  group(name: string): Locator {
    return this.page.getByRole('listitem', { name, exact: true });
  }

  openCustomer(name: string): Locator {
    return this.group(name).getByRole('button', { name: 'Open customer' });
  }

  resolveConflict(name: string): Locator {
    return this.group(name).getByRole('button', { name: 'Resolve conflict' });
  }

  discardChange(name: string): Locator {
    return this.group(name).getByRole('button', { name: 'Discard change' });
  }
}
