// A SecretStore for the harness's --profile folder: a JSON file readable only by its owner.
// Test use only — it keeps tokens of the SANDBOX in plain text so a profile survives restarts,
// and it keeps the harness away from the developer's real keyring.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStore } from '../../src-main/secrets/secret-store';

export function createFileSecretStore(dir: string): SecretStore {
  const file = join(dir, 'harness-secrets.json');
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Record<string, string>> {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }
  async function save(values: Record<string, string>) {
    await mkdir(dir, { recursive: true });
    const temp = `${file}.tmp`;
    await writeFile(temp, JSON.stringify(values), { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, file);
  }
  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  }

  return {
    get: (account) => serialized(async () => (await load())[account] ?? null),
    set: (account, secret) =>
      serialized(async () => {
        const values = await load();
        values[account] = secret;
        await save(values);
      }),
    delete: (account) =>
      serialized(async () => {
        const values = await load();
        delete values[account];
        await save(values);
      }),
  };
}
