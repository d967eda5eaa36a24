// Searches files and recorded texts for secret strings in every form they could be written in:
// plain, base64 / base64url, URL-encoded, UTF-16LE (how Chromium may store a JS string), and
// 12-character pieces (a LevelDB table compresses blocks with Snappy, which can split a string).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface Hit {
  /** The file (relative to its root) or the recorded text's name. */
  where: string;
  /** Which form matched: plain, base64, … */
  form: string;
  /** The secret's label (never the secret itself: this goes into test output). */
  secret: string;
}

export interface ScanResult {
  files: number;
  bytes: number;
  hits: Hit[];
}

export interface Secret {
  label: string;
  value: string;
}

const pieceLength = 12;

/** Each form a secret could take on disk or on the wire, as bytes to look for. */
export function formsOf(value: string): { form: string; bytes: Buffer }[] {
  const utf8 = Buffer.from(value, 'utf8');
  const forms = [
    { form: 'plain', bytes: utf8 },
    ...base64Forms(utf8),
    { form: 'url-encoded', bytes: Buffer.from(encodeURIComponent(value)) },
    { form: 'utf-16le', bytes: Buffer.from(value, 'utf16le') },
  ];
  for (let start = 0; start + pieceLength <= value.length; start += pieceLength) {
    forms.push({ form: 'piece', bytes: Buffer.from(value.slice(start, start + pieceLength)) });
  }
  return dedupe(forms);
}

/**
 * Base64 of a text that contains the secret (`Basic user:secret`, a JWT claim) encodes it
 * differently for each of the 3 byte offsets it can start at: for each, the characters that
 * depend on the secret's bytes alone — the first and last group, which mix in neighbours, left out.
 */
function base64Forms(secret: Buffer): { form: string; bytes: Buffer }[] {
  const forms: { form: string; bytes: Buffer }[] = [];
  for (const offset of [0, 1, 2]) {
    const shifted = Buffer.concat([Buffer.alloc(offset), secret]);
    for (const encoding of ['base64', 'base64url'] as const) {
      let text = shifted.toString(encoding).replace(/=+$/, '');
      if (offset > 0) text = text.slice(4);
      if (shifted.length % 3 !== 0) text = text.slice(0, -4);
      if (text.length >= 16) forms.push({ form: encoding, bytes: Buffer.from(text) });
    }
  }
  return forms;
}

function dedupe(forms: { form: string; bytes: Buffer }[]) {
  const seen = new Set<string>();
  return forms.filter(({ bytes }) => {
    const key = bytes.toString('hex');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function hitsIn(where: string, content: Buffer, secrets: readonly Secret[]): Hit[] {
  const hits: Hit[] = [];
  for (const secret of secrets) {
    const found = formsOf(secret.value).find(({ bytes }) => content.includes(bytes));
    if (found) hits.push({ where, form: found.form, secret: secret.label });
  }
  return hits;
}

/** Every regular file under `root`, but the ones `skip` names (paths relative to `root`). */
export async function scanTree(
  root: string,
  secrets: readonly Secret[],
  skip: (relativePath: string) => boolean = () => false,
): Promise<ScanResult> {
  const result: ScanResult = { files: 0, bytes: 0, hits: [] };
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const name = relative(root, path);
    if (skip(name)) continue;
    let content: Buffer;
    try {
      content = await readFile(path);
    } catch (error) {
      // Chromium's lock and socket files vanish or refuse reads once it exits: nothing to scan.
      if (['ENOENT', 'EACCES', 'ENXIO'].includes((error as NodeJS.ErrnoException).code ?? '')) {
        continue;
      }
      throw error;
    }
    result.files += 1;
    result.bytes += content.length;
    result.hits.push(...hitsIn(name, content, secrets));
  }
  return result;
}
