// What main remembers about the sandbox "Try the sandbox" started, so it can bring it back after a
// restart: `<userData>/sandbox/sandbox.json` (port and the two connection ids), next to the data file.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../connections/atomic-file';

const recordSchema = z.object({
  version: z.literal(1),
  /** The port the sandbox last listened on; tried first next time so addresses stay the same. */
  port: z.number().int().min(1).max(65_535),
  /** null until that connection was created (or when the record was written before it). */
  revnueId: z.string().min(1).nullable(),
  r2Id: z.string().min(1).nullable(),
});
export type SandboxRecord = z.infer<typeof recordSchema>;

export interface SandboxFiles {
  folder: string;
  /** The sandbox's own state: customers, Revnue tokens, OAuth grants and signing keys. */
  dataFile: string;
  record: string;
}

export function sandboxFiles(userDataDir: string): SandboxFiles {
  const folder = join(userDataDir, 'sandbox');
  return {
    folder,
    dataFile: join(folder, 'sandbox-data.ndjson'),
    record: join(folder, 'sandbox.json'),
  };
}

/** The record, or undefined when there is none. A damaged record throws (the caller logs it). */
export async function readSandboxRecord(path: string): Promise<SandboxRecord | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = recordSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path} is not a sandbox record: ${parsed.error.message}`);
  return parsed.data;
}

export async function writeSandboxRecord(path: string, record: SandboxRecord): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(recordSchema.parse(record), null, 2)}\n`);
}

export async function removeSandboxRecord(path: string): Promise<void> {
  await rm(path, { force: true });
}
