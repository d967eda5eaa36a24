// What the window tells the user once about this computer's change journal at start: how many
// unsynced changes were put back after the local store was lost or older, and anything main
// noticed about the journal file — in words, until dismissed.
import type { JournalReconciled } from '../db/customer-store';

export function restoredWords(count: number): string {
  return `Restored ${count} unsynced ${count === 1 ? 'change' : 'changes'} from this computer's journal.`;
}

export class JournalNotice {
  restored = $state(0);
  notices = $state<string[]>([]);
  dismissed = $state(false);

  report(outcome: JournalReconciled): void {
    this.restored += outcome.restored;
    this.notices = [...this.notices, ...outcome.notices];
  }

  failed(message: string): void {
    this.notices = [
      ...this.notices,
      `Fieldbook could not compare this computer's changes with its journal: ${message}`,
    ];
  }

  /** The lines to show (none: nothing to say). */
  get lines(): string[] {
    if (this.dismissed) return [];
    return [...(this.restored > 0 ? [restoredWords(this.restored)] : []), ...this.notices];
  }

  dismiss(): void {
    this.dismissed = true;
  }
}
