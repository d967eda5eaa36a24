// The user's explicit "yes, keep my sign-in in weaker storage" (see choose-secret-store.ts),
// kept in the user-data folder so it survives restarts and can be withdrawn.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../connections/atomic-file';

const FILE_NAME = 'secret-storage.json';

export async function readWeakStorageConsent(dir: string): Promise<boolean> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, FILE_NAME), 'utf8'));
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { acceptWeakStorage?: unknown }).acceptWeakStorage === true
    );
  } catch {
    // Missing or unreadable: no consent. Consent is never assumed.
    return false;
  }
}

export async function writeWeakStorageConsent(dir: string, accepted: boolean): Promise<void> {
  await writeFileAtomically(
    join(dir, FILE_NAME),
    JSON.stringify({ acceptWeakStorage: accepted }, null, 2),
  );
}
