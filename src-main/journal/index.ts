// The change journal: main's durable, append-only copy of every change still waiting to sync, so
// a lost or older IndexedDB in the window can be put back (docs/journal.md).
export { createJournalStore, type JournalStore } from './journal-store';
export { createJournalHandlers } from './journal-handlers';
