// Main's change journal on disk: one append-only file per connection in the profile's `journal/`
// folder, user-only (0600). Appends are synced to disk before they answer (appends that arrive
// while a sync is under way share the next one); history is compacted away by an atomic rewrite
// after the append that crossed the line has answered, so a file stays proportional to what waits.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../connections/atomic-file';
import type {
  JournalAppend,
  JournalRecord,
  JournalState as JournalAnswer,
} from '../../src-shared/journal/journal-record';
import { appendLine, headerLine, parseJournal } from './journal-format';
import { JournalState, shouldCompact } from './journal-state';

export interface JournalStoreOptions {
  /** The profile folder; the journal lives in its `journal/` folder. */
  userDataDir: string;
  /** Told, in words, about files refused, torn tails and foreign lines. */
  log: (line: string) => void;
}

export interface JournalStore {
  read(connectionId: string): Promise<JournalAnswer>;
  append(batch: JournalAppend): Promise<{ seq: number }>;
  rewrite(connectionId: string, seq: number, records: readonly JournalRecord[]): Promise<void>;
  /** The connection is gone: its journal goes with it. */
  remove(connectionId: string): Promise<void>;
  /** Where a connection's journal is (for tests and the fault suite). */
  pathOf(connectionId: string): string;
  close(): Promise<void>;
}

/** A journal Fieldbook cannot use: it answers this for writes, in words. */
export class JournalRefused extends Error {
  override readonly name = 'JournalRefused';
}

interface OpenJournal {
  state: JournalState;
  handle: FileHandle | null;
  notices: string[];
  /** Set when the file is not ours: it is left in place and never written. */
  refused: string | null;
  /** A compaction is queued behind the appends; one is enough. */
  compacting: boolean;
}

/** Appends waiting for the same write and fdatasync (docs/journal.md#fsync-and-compaction). */
interface Group {
  readonly batches: JournalAppend[];
  done: Promise<{ seq: number }>;
}

export function createJournalStore(options: JournalStoreOptions): JournalStore {
  const dir = join(options.userDataDir, 'journal');
  const open_ = new Map<string, Promise<OpenJournal>>();
  // Appends, rewrites and compactions of one connection run one at a time, in call order.
  const queues = new Map<string, Promise<unknown>>();
  // The group of each connection that still takes appends: queued, its write not yet begun.
  const openGroups = new Map<string, Group>();

  const pathOf = (connectionId: string) =>
    join(dir, `${createHash('sha256').update(connectionId).digest('hex').slice(0, 32)}.journal`);

  function serially<R>(connectionId: string, work: () => Promise<R>): Promise<R> {
    // Whatever is queued after a group must also run after it: an append that comes later joins
    // a group of its own behind this work, never the earlier one.
    openGroups.delete(connectionId);
    const previous = queues.get(connectionId) ?? Promise.resolve();
    const next = previous.then(work, work);
    queues.set(
      connectionId,
      next.catch(() => undefined),
    );
    return next;
  }

  const fresh = () => ({ handle: null, notices: [], refused: null, compacting: false });

  async function load(connectionId: string): Promise<OpenJournal> {
    const path = pathOf(connectionId);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { ...fresh(), state: new JournalState() };
      }
      throw error;
    }
    const parsed = parseJournal(bytes, connectionId);
    if (parsed.kind === 'refused') {
      const words = `The change journal ${path} is not one Fieldbook can use (${parsed.reason}); it was left as it is and nothing was restored from it.`;
      options.log(`journal: ${words}`);
      return { ...fresh(), state: new JournalState(), notices: [words], refused: words };
    }
    const notices: string[] = [];
    const state = new JournalState(parsed.header.seq);
    for (const batch of parsed.batches) state.apply(batch);
    if (parsed.tornTail) {
      // A power cut mid-append: that append never answered, so nothing was promised about it.
      await truncate(path, parsed.wholeBytes);
      notices.push(
        'The change journal ended in a half-written change (the computer stopped while saving); everything before it was read.',
      );
    }
    if (parsed.foreignLines > 0) {
      notices.push(
        `The change journal held ${parsed.foreignLines} change(s) of another connection; they were ignored.`,
      );
    }
    for (const notice of notices) options.log(`journal: ${connectionId}: ${notice}`);
    return { ...fresh(), state, notices };
  }

  function journalOf(connectionId: string): Promise<OpenJournal> {
    let opened = open_.get(connectionId);
    if (!opened) {
      opened = load(connectionId);
      open_.set(connectionId, opened);
      opened.catch(() => open_.delete(connectionId));
    }
    return opened;
  }

  async function writeWhole(
    connectionId: string,
    journal: OpenJournal,
    seq: number,
    records: readonly JournalRecord[],
  ) {
    await journal.handle?.close();
    journal.handle = null;
    const lines = records.map((record) => appendLine({ connectionId, seq, records: [record] }));
    await writeFileAtomically(pathOf(connectionId), headerLine(connectionId, seq) + lines.join(''));
    journal.state = JournalState.rewritten(seq, records);
  }

  async function handleOf(connectionId: string, journal: OpenJournal): Promise<FileHandle> {
    if (journal.handle) return journal.handle;
    // Once per opening, not per append: the folder only matters when the file is created.
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (journal.state.seq === 0 && journal.state.dead === 0 && journal.state.waitingCount === 0) {
      // No file yet (or an empty one): start it with its header, atomically.
      await writeWhole(connectionId, journal, 0, []);
    }
    journal.handle = await open(pathOf(connectionId), 'a', 0o600);
    return journal.handle;
  }

  async function writeGroup(connectionId: string, group: Group): Promise<{ seq: number }> {
    // Closed from here on: an append arriving during this write and sync waits for the next.
    if (openGroups.get(connectionId) === group) openGroups.delete(connectionId);
    const journal = await journalOf(connectionId);
    if (journal.refused !== null) throw new JournalRefused(journal.refused);
    const handle = await handleOf(connectionId, journal);
    await handle.appendFile(group.batches.map(appendLine).join(''), 'utf8');
    // Durable before any of them answers: the editor says "Saved on this computer" only after
    // this, and no request leaves before its entry is journaled in flight. The engine's
    // bookkeeping rides along with the next durable append (a power cut can lose it; a restore
    // then looks the entry up or merges it again, see docs/journal.md).
    if (group.batches.some((batch) => batch.durable !== false)) await handle.datasync();
    for (const batch of group.batches) journal.state.apply(batch);
    if (shouldCompact(journal.state) && !journal.compacting) {
      journal.compacting = true;
      // Queued, not awaited: these appends are on disk, and the save waiting for them should not
      // also wait for a rewrite of the whole file. Whatever comes next runs after it.
      serially(connectionId, async () => {
        journal.compacting = false;
        if (!shouldCompact(journal.state)) return;
        await writeWhole(connectionId, journal, journal.state.seq, journal.state.waiting());
      }).catch((error: unknown) => {
        // The appends stay in the file; the next append tries the compaction again.
        options.log(`journal: ${connectionId}: could not compact the journal: ${String(error)}`);
      });
    }
    return { seq: journal.state.seq };
  }

  return {
    pathOf,
    async read(connectionId) {
      return serially(connectionId, async () => {
        const journal = await journalOf(connectionId);
        return {
          seq: journal.state.seq,
          records: journal.state.waiting(),
          notices: [...journal.notices],
        };
      });
    },
    append(batch) {
      const { connectionId } = batch;
      const joined = openGroups.get(connectionId);
      if (joined) {
        joined.batches.push(batch);
        return joined.done;
      }
      const group: Group = { batches: [batch], done: Promise.resolve({ seq: 0 }) };
      group.done = serially(connectionId, () => writeGroup(connectionId, group));
      openGroups.set(connectionId, group);
      return group.done;
    },
    rewrite(connectionId, seq, records) {
      return serially(connectionId, async () => {
        const journal = await journalOf(connectionId);
        if (journal.refused !== null) throw new JournalRefused(journal.refused);
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeWhole(connectionId, journal, seq, records);
        journal.notices = [];
      });
    },
    remove(connectionId) {
      return serially(connectionId, async () => {
        const journal = await open_.get(connectionId)?.catch(() => undefined);
        await journal?.handle?.close();
        open_.delete(connectionId);
        if (journal?.refused) return;
        await rm(pathOf(connectionId), { force: true });
      });
    },
    async close() {
      const journals = await Promise.allSettled([...open_.values()]);
      await Promise.allSettled([...queues.values()]);
      for (const journal of journals) {
        if (journal.status === 'fulfilled') await journal.value.handle?.close();
      }
      open_.clear();
    },
  };
}
