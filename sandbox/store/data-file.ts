// `--data FILE`: the whole sandbox state as newline-delimited JSON (a header line, one line per
// customer, an end marker), streamed so 100k customers never become one giant string. Writes are
// atomic — temp file, fsync, rename, fsync of the directory — so a crash leaves either the old or
// the new file, never a torn one. The end marker catches a file truncated by other means.
import { createReadStream } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

export const dataFileFormat = 'fieldbook-sandbox-data';
export const dataFileVersion = 1;

export interface DataFileContent<Header> {
  header: Header;
  /** Records by section name ("revnue", "r2"). */
  sections: Record<string, unknown[]>;
}

export class DataFileError extends Error {}

export async function writeDataFile<Header>(
  path: string,
  header: Header,
  sections: Record<string, Iterable<unknown>>,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const file = await open(temp, 'w', 0o600);
  try {
    await writeLines(file, header, sections);
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const directory = await open(dirname(path), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

async function writeLines(
  file: FileHandle,
  header: unknown,
  sections: Record<string, Iterable<unknown>>,
): Promise<void> {
  let batch: string[] = [
    JSON.stringify({ format: dataFileFormat, version: dataFileVersion, header }),
  ];
  let lines = 0;
  for (const [section, records] of Object.entries(sections)) {
    for (const record of records) {
      batch.push(JSON.stringify({ s: section, v: record }));
      lines += 1;
      if (batch.length >= 500) {
        await file.write(batch.join('\n') + '\n');
        batch = [];
      }
    }
  }
  batch.push(JSON.stringify({ end: true, lines }));
  await file.write(batch.join('\n') + '\n');
  await file.sync();
}

export async function readDataFile<Header>(path: string): Promise<DataFileContent<Header>> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let header: Header | undefined;
  let ended = false;
  let count = 0;
  const sections: Record<string, unknown[]> = {};
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const entry = parseLine(line, path);
    if (header === undefined) {
      if (entry.format !== dataFileFormat || entry.version !== dataFileVersion) {
        throw new DataFileError(`${path} is not a sandbox data file (version ${dataFileVersion}).`);
      }
      header = entry.header as Header;
    } else if (entry.end === true) {
      ended = entry.lines === count;
    } else {
      (sections[String(entry.s)] ??= []).push(entry.v);
      count += 1;
    }
  }
  if (header === undefined || !ended)
    throw new DataFileError(
      `${path} is incomplete; it was not written by the sandbox or was cut short.`,
    );
  return { header, sections };
}

function parseLine(line: string, path: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new DataFileError(`${path} is damaged: a line is not valid JSON.`);
  }
}
