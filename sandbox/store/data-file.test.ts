import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../index';
import { userTokens } from '../test-support/oauth-client';
import { bearer, jsonHeaders } from '../test-support/sandbox-world';
import { DataFileError, readDataFile, writeDataFile } from './data-file';

let directory = '';
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sandbox-data-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('--data FILE', () => {
  it('keeps customers, tokens and sign-ins across restarts', async () => {
    const file = join(directory, 'state.ndjson');
    const first = await startSandbox({ customers: 5, dataFile: file, log: () => {} });
    const created = await fetch(`${first.revnue.baseUrl}customer/`, {
      method: 'POST',
      headers: jsonHeaders(first.revnue.token),
      body: JSON.stringify({ company: 1, name: 'Survives Restart Ltd' }),
    });
    const { id } = (await created.json()) as { id: number };
    const tokens = await userTokens(first);
    await first.close();

    // Different seed and count: a data file wins over generation.
    const second = await startSandbox({ customers: 50, seed: 99, dataFile: file, log: () => {} });
    try {
      expect(second.revnue.token).toBe(first.revnue.token);
      expect(second.r2.serviceClientSecret).toBe(first.r2.serviceClientSecret);
      expect(second.state().counts.revnueCustomers).toBe(6);
      const read = await fetch(`${second.revnue.baseUrl}customer/${id}/`, {
        headers: bearer(second.revnue.token),
      });
      expect(((await read.json()) as { name: string }).name).toBe('Survives Restart Ltd');
      const next = await fetch(`${second.revnue.baseUrl}customer/`, {
        method: 'POST',
        headers: jsonHeaders(second.revnue.token),
        body: JSON.stringify({ company: 1, name: 'After Restart Ltd' }),
      });
      expect(((await next.json()) as { id: number }).id).toBe(id + 1);
      // The refresh token issued before the restart still works against the new process.
      const refreshed = await fetch(`${second.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh_token ?? '',
          client_id: second.r2.publicClientId,
        }),
      });
      expect(refreshed.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('writes atomically: a failed write leaves the old file intact and no temp file behind', async () => {
    const file = join(directory, 'state.ndjson');
    await writeDataFile(file, { n: 1 }, { items: [1, 2, 3] });
    const before = await readFile(file, 'utf8');
    function* exploding() {
      yield 4;
      throw new Error('disk full');
    }
    await expect(writeDataFile(file, { n: 2 }, { items: exploding() })).rejects.toThrow(
      'disk full',
    );
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await readdir(directory)).toEqual(['state.ndjson']);
    expect(await readDataFile(file)).toEqual({ header: { n: 1 }, sections: { items: [1, 2, 3] } });
  });

  it('refuses a truncated or foreign file with a clear message', async () => {
    const file = join(directory, 'state.ndjson');
    await writeDataFile(file, { n: 1 }, { items: Array.from({ length: 100 }, (_, i) => ({ i })) });
    await truncate(file, 500);
    await expect(readDataFile(file)).rejects.toThrow(DataFileError);
    await writeFile(file, '{"hello":"world"}\n');
    await expect(readDataFile(file)).rejects.toThrow('is not a sandbox data file');
    await expect(startSandbox({ dataFile: file, log: () => {} })).rejects.toThrow(
      'is not a sandbox data file',
    );
  });
});
