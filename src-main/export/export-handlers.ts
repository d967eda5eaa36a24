// Main's side of an export (docs/export.md#the-streaming-protocol): it asks where to save, then
// writes the text the window streams to a temp file beside the target and renames it into place
// only when the window says it is finished, so a cancelled, failed or abandoned export never
// leaves a half file under the chosen name. Plain Node; the save dialog comes in from platform/.
import { randomUUID } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Handlers, HandlerContext } from '../../src-shared/ipc/contract';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { Clock } from '../../src-shared/time/clock';
import { writeProblem } from '../desktop/desktop-handlers';
import { safeFileName } from '../desktop/pdf-file-name';

export type ExportFormat = 'csv' | 'vcard';

/** The Electron save dialog (src-main/platform/export-dialog.ts), mocked in tests. */
export interface ExportSaveDialog {
  /** Where to save `suggestedName`; null when the user cancelled the dialog. */
  choosePath(suggestedName: string, format: ExportFormat): Promise<string | null>;
}

export type ExportHandlers = Pick<
  Handlers,
  'export.begin' | 'export.write' | 'export.finish' | 'export.cancel'
>;

export interface ExportService {
  handlers: ExportHandlers;
  /** Open exports (tests). */
  size(): number;
  /** Quitting: every open export is abandoned and its temp file deleted. */
  closeAll(): Promise<void>;
}

export interface ExportServiceOptions {
  /** Null where there is no desktop (the browser harness): the window downloads the file. */
  dialog: ExportSaveDialog | null;
  clock: Clock;
  /** An export the window sends nothing to for this long is abandoned (window closed, crashed). */
  idleMs?: number;
  /** Opens the temp file (tests: one whose writes fail like a full disk); fs's open by default. */
  openTemp?: (path: string, mode: number) => Promise<FileHandle>;
}

export const EXPORT_IDLE_MS = 2 * 60_000;
/** The exported file holds customers' personal data: readable by its owner only. */
export const EXPORT_FILE_MODE = 0o600;

const extensions: Record<ExportFormat, string> = { csv: 'csv', vcard: 'vcf' };

interface Session {
  readonly owner: string;
  readonly target: string;
  readonly temp: string;
  readonly handle: FileHandle;
  nextSeq: number;
  stopTimer: () => void;
  /** Writes of one export run one after another, in the order they arrived. */
  work: Promise<unknown>;
}

const gone = () =>
  fail(
    'not_found',
    'This export is no longer open (it finished, was cancelled, or waited too long). Export again.',
  );

/** The window that sent a request: only it may write to, finish or cancel its export. */
const ownerOf = (ctx: HandlerContext) => ctx.sender.window ?? ctx.sender.url ?? '';

export function createExportService(options: ExportServiceOptions): ExportService {
  const idleMs = options.idleMs ?? EXPORT_IDLE_MS;
  const sessions = new Map<string, Session>();
  const openTemp = options.openTemp ?? ((path: string, mode: number) => open(path, 'wx', mode));

  async function discard(id: string): Promise<void> {
    const session = sessions.get(id);
    if (!session) return;
    sessions.delete(id);
    session.stopTimer();
    await session.handle.close().catch(() => {});
    await rm(session.temp, { force: true }).catch(() => {});
  }

  function armTimer(id: string, session: Session): void {
    session.stopTimer();
    session.stopTimer = options.clock.schedule(() => void discard(id), idleMs);
  }

  /** The session, if this window owns it; its calls queue behind its earlier ones. */
  function withSession<T>(
    id: string,
    ctx: HandlerContext,
    run: (session: Session) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const session = sessions.get(id);
    if (!session || session.owner !== ownerOf(ctx)) return Promise.resolve(gone());
    const next = session.work.then(() => (sessions.get(id) === session ? run(session) : gone()));
    session.work = next.catch(() => {});
    return next;
  }

  const cannotSave = async (id: string, error: unknown) => {
    await discard(id);
    return fail(
      'server',
      `The export could not be saved there (${writeProblem(error)}). Choose another folder.`,
    );
  };

  const handlers: ExportHandlers = {
    'export.begin': async ({ format, name }, ctx) => {
      const fileName = safeFileName(name, extensions[format], 'Customers');
      if (!options.dialog) return ok({ outcome: 'download' as const, fileName });
      const target = await options.dialog.choosePath(fileName, format).catch(() => undefined);
      if (target === undefined) return fail('server', 'Fieldbook could not open the save dialog.');
      if (target === null) return ok({ outcome: 'cancelled' as const });
      // Beside the target, so the final rename stays on one disk (and is atomic); hidden.
      const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.part`);
      let handle: FileHandle;
      try {
        handle = await openTemp(temp, EXPORT_FILE_MODE);
      } catch (error) {
        return fail(
          'server',
          `The export could not be saved there (${writeProblem(error)}). Choose another folder.`,
        );
      }
      const id = randomUUID();
      const session: Session = {
        owner: ownerOf(ctx),
        target,
        temp,
        handle,
        nextSeq: 0,
        stopTimer: () => {},
        work: Promise.resolve(),
      };
      sessions.set(id, session);
      armTimer(id, session);
      return ok({ outcome: 'started' as const, session: id });
    },

    'export.write': ({ session: id, seq, chunk }, ctx) =>
      withSession(id, ctx, async (session) => {
        if (seq !== session.nextSeq) {
          await discard(id);
          return fail(
            'validation',
            `Part ${session.nextSeq + 1} of the export did not arrive in order, so the file would be wrong. Export again.`,
          );
        }
        try {
          await session.handle.write(chunk, null, 'utf8');
        } catch (error) {
          return cannotSave(id, error);
        }
        session.nextSeq += 1;
        armTimer(id, session);
        return ok(null);
      }),

    'export.finish': ({ session: id }, ctx) =>
      withSession(id, ctx, async (session) => {
        try {
          await session.handle.sync();
          await session.handle.close();
          await rename(session.temp, session.target);
        } catch (error) {
          return cannotSave(id, error);
        }
        session.stopTimer();
        sessions.delete(id);
        return ok({ path: session.target });
      }),

    'export.cancel': async ({ session: id }, ctx) => {
      const session = sessions.get(id);
      // Cancelling what is already gone is what the window wanted anyway.
      if (!session || session.owner !== ownerOf(ctx)) return ok(null);
      await session.work;
      await discard(id);
      return ok(null);
    },
  };

  return {
    handlers,
    size: () => sessions.size,
    closeAll: async () => {
      await Promise.all([...sessions.keys()].map(discard));
    },
  };
}
