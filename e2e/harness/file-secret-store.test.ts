import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileSecretStore } from './file-secret-store';

let dir = '';
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('harness file SecretStore', () => {
  it('keeps secrets across instances in an owner-only file and forgets deleted ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fieldbook-secrets-'));
    const first = createFileSecretStore(dir);
    await Promise.all([first.set('a', 'secret-a'), first.set('b', 'secret-b')]);
    await first.delete('b');
    await first.delete('never-there');
    const second = createFileSecretStore(dir);
    expect(await second.get('a')).toBe('secret-a');
    expect(await second.get('b')).toBeNull();
    expect((await stat(join(dir, 'harness-secrets.json'))).mode & 0o777).toBe(0o600);
  });
});
