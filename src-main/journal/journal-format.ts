// The journal file's text format (docs/journal.md#the-file): a JSON header line naming the
// connection, then one line per append — a CRC-32 of the JSON, a space, the JSON. Pure: reading
// returns what is whole and says in words what was not.
import { crc32 } from 'node:zlib';
import {
  journalAppendSchema,
  journalSeqSchema,
  type JournalAppend,
} from '../../src-shared/journal/journal-record';
import { z } from 'zod';

export const JOURNAL_MAGIC = 'fieldbook-journal';
export const JOURNAL_VERSION = 1;

const headerSchema = z.strictObject({
  magic: z.literal(JOURNAL_MAGIC),
  version: z.literal(JOURNAL_VERSION),
  connectionId: z.string().min(1).max(256),
  /** The sequence the journal had when it was last rewritten (its lines may go higher). */
  seq: journalSeqSchema,
});
export type JournalHeader = z.infer<typeof headerSchema>;

export function headerLine(connectionId: string, seq: number): string {
  const header: JournalHeader = {
    magic: JOURNAL_MAGIC,
    version: JOURNAL_VERSION,
    connectionId,
    seq,
  };
  return `${JSON.stringify(header)}\n`;
}

function checksum(json: string): string {
  return crc32(Buffer.from(json, 'utf8')).toString(16).padStart(8, '0');
}

export function appendLine(batch: JournalAppend): string {
  const json = JSON.stringify(batch);
  return `${checksum(json)} ${json}\n`;
}

export type ParsedJournal =
  | { readonly kind: 'refused'; readonly reason: string }
  | {
      readonly kind: 'read';
      readonly header: JournalHeader;
      readonly batches: JournalAppend[];
      /** Bytes of the file that hold whole lines; anything after is a torn tail. */
      readonly wholeBytes: number;
      readonly tornTail: boolean;
      /** Lines kept out because they name another connection. */
      readonly foreignLines: number;
    };

function parseHeader(line: string): JournalHeader | null {
  try {
    const parsed = headerSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function parseBatch(line: string): JournalAppend | null {
  const space = line.indexOf(' ');
  if (space !== 8) return null;
  const json = line.slice(9);
  if (checksum(json) !== line.slice(0, 8)) return null;
  try {
    const parsed = journalAppendSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Reads a journal file's bytes. A file without our header is refused (never rewritten); a line
 * that is not whole (no newline, a checksum or shape that does not hold) ends the read there:
 * a write (one append, or a group of them sharing one fdatasync) is synced before the next
 * begins, so only the last write can be torn, and none of its appends had answered.
 */
export function parseJournal(bytes: Buffer, expectedConnectionId: string): ParsedJournal {
  const firstNewline = bytes.indexOf(0x0a);
  if (firstNewline === -1) {
    return { kind: 'refused', reason: 'it has no Fieldbook journal header' };
  }
  const header = parseHeader(bytes.subarray(0, firstNewline).toString('utf8'));
  if (header === null)
    return { kind: 'refused', reason: 'it does not start like a Fieldbook journal' };
  if (header.connectionId !== expectedConnectionId) {
    return { kind: 'refused', reason: 'it belongs to another connection' };
  }
  const batches: JournalAppend[] = [];
  let offset = firstNewline + 1;
  let foreignLines = 0;
  let tornTail = false;
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset);
    const batch = end === -1 ? null : parseBatch(bytes.subarray(offset, end).toString('utf8'));
    if (end === -1 || batch === null) {
      tornTail = true;
      break;
    }
    if (batch.connectionId === header.connectionId) batches.push(batch);
    else foreignLines += 1;
    offset = end + 1;
  }
  return { kind: 'read', header, batches, wholeBytes: offset, tornTail, foreignLines };
}
