// Reads and writes connections.json in the user-data folder. A damaged file is never overwritten:
// it is moved aside (connections.damaged-<time>.json) so nothing the user configured is destroyed.
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { connectionSchema } from '../../src-shared/connection';
import { writeFileAtomically } from './atomic-file';

export const CONNECTIONS_FILE = 'connections.json';

const fileSchema = z.object({
  version: z.literal(1),
  activeId: z.string().nullable(),
  connections: z.array(connectionSchema),
});
export type ConnectionsFile = z.infer<typeof fileSchema>;

export const emptyConnectionsFile = (): ConnectionsFile => ({
  version: 1,
  activeId: null,
  connections: [],
});

export interface LoadedFile {
  file: ConnectionsFile;
  /** Where a damaged file was moved, so the caller can tell the user. */
  movedDamagedFileTo?: string;
}

export async function loadConnectionsFile(dir: string, now: number): Promise<LoadedFile> {
  const path = join(dir, CONNECTIONS_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file: emptyConnectionsFile() };
    throw error;
  }
  const file = parseFile(text);
  if (file) {
    const activeExists = file.connections.some((c) => c.id === file.activeId);
    return { file: activeExists ? file : { ...file, activeId: null } };
  }
  const aside = join(dir, `connections.damaged-${now}.json`);
  await rename(path, aside);
  return { file: emptyConnectionsFile(), movedDamagedFileTo: aside };
}

function parseFile(text: string): ConnectionsFile | null {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function saveConnectionsFile(dir: string, file: ConnectionsFile): Promise<void> {
  await writeFileAtomically(join(dir, CONNECTIONS_FILE), `${JSON.stringify(file, null, 2)}\n`);
}
