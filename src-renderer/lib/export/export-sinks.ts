// Where an export's text goes: main's file (the save dialog's choice, written by main through the
// export channels, piece by numbered piece), or — where there is no desktop, as in the browser
// harness — a download the browser saves itself.
import { EXPORT_CHUNK_MAX } from '../../../src-shared/ipc/contract';
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { ExportFormat } from './export-text';

export interface ExportSink {
  /** Appends text; throws ExportFailure (in words) when it cannot. */
  write(text: string): Promise<void>;
  /** Completes the file; answers where it went (a path, or the download's name). */
  finish(): Promise<string>;
  /** Drops what was written; never throws. */
  cancel(): Promise<void>;
}

/** A failure the salesperson should read as it is. */
export class ExportFailure extends Error {
  override readonly name = 'ExportFailure';
}

export type OpenedSink =
  { readonly outcome: 'opened'; readonly sink: ExportSink } | { readonly outcome: 'cancelled' };

type ExportApi = Pick<FieldbookApi, 'export'>;

/** Asks main where to save (the save dialog) and opens the sink for it. */
export async function openExportSink(
  api: ExportApi,
  format: ExportFormat,
  name: string,
  download: (fileName: string, format: ExportFormat) => ExportSink = downloadSink,
): Promise<OpenedSink> {
  const begun = await api.export.begin({ format, name });
  if (!begun.ok) throw new ExportFailure(begun.error.message);
  switch (begun.value.outcome) {
    case 'cancelled':
      return { outcome: 'cancelled' };
    case 'download':
      return { outcome: 'opened', sink: download(begun.value.fileName, format) };
    case 'started':
      return { outcome: 'opened', sink: mainFileSink(api, begun.value.session) };
  }
}

export function mainFileSink(api: ExportApi, session: string): ExportSink {
  let seq = 0;
  return {
    async write(text) {
      // Pieces within the contract's bound; a piece ends between UTF-16 surrogates never.
      for (let start = 0; start < text.length;) {
        let end = Math.min(text.length, start + EXPORT_CHUNK_MAX);
        const last = text.charCodeAt(end - 1);
        if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
        const written = await api.export.write({ session, seq, chunk: text.slice(start, end) });
        if (!written.ok) throw new ExportFailure(written.error.message);
        seq += 1;
        start = end;
      }
    },
    async finish() {
      const finished = await api.export.finish({ session });
      if (!finished.ok) throw new ExportFailure(finished.error.message);
      return finished.value.path;
    },
    async cancel() {
      await api.export.cancel({ session }).catch(() => undefined);
    },
  };
}

const mimeTypes: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  vcard: 'text/vcard;charset=utf-8',
};

/** Collects the text and hands it to the browser as a download of `fileName`. */
export function downloadSink(fileName: string, format: ExportFormat): ExportSink {
  let parts: string[] = [];
  return {
    async write(text) {
      parts.push(text);
    },
    async finish() {
      const url = URL.createObjectURL(new Blob(parts, { type: mimeTypes[format] }));
      parts = [];
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // The download has taken its copy once the click is handled.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return fileName;
    },
    async cancel() {
      parts = [];
    },
  };
}
