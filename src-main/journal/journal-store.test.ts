import { appendFile, mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createJournalStore, type JournalStore } from './journal-store';
import {
  batch,
  settledRecord,
  waitingRecord,
} from '../../src-shared/journal/test-support/journal-records';

let dir: string;
let logs: string[];
let journal: JournalStore;
const open = () => createJournalStore({ userDataDir: dir, log: (line) => logs.push(line) });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-journal-'));
  logs = [];
  journal = open();
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

async function reopen(): Promise<JournalStore> {
  await journal.close();
  journal = open();
  return journal;
}

describe('the change journal on disk', () => {
  test('an append is read back after a restart, from a user-only file', async () => {
    const saved = waitingRecord('c1', 'local-a', ['Acme']);
    expect(await journal.append(batch('c1', 1, [saved]))).toEqual({ seq: 1 });
    const mode = (await stat(journal.pathOf('c1'))).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(await (await reopen()).read('c1')).toEqual({ seq: 1, records: [saved], notices: [] });
  });

  test("the engine's bookkeeping (not synced at once) is kept like any append", async () => {
    const sent = waitingRecord('c1', 'local-a', ['Acme'], 'in_flight');
    await journal.append({ ...batch('c1', 1, [sent]), durable: false });
    expect((await (await reopen()).read('c1')).records).toEqual([sent]);
  });

  test('a connection without a journal reads as empty at sequence 0', async () => {
    expect(await journal.read('c1')).toEqual({ seq: 0, records: [], notices: [] });
  });

  test('the latest state of a record wins, and a settled record is no longer waiting', async () => {
    await journal.append(batch('c1', 1, [waitingRecord('c1', 'local-a', ['A'])]));
    await journal.append(batch('c1', 2, [waitingRecord('c1', 'local-a', ['A', 'B'])]));
    await journal.append(batch('c1', 3, [waitingRecord('c1', '7', ['X'])]));
    await journal.append(batch('c1', 4, [settledRecord('c1', 'local-a')]));
    const read = await (await reopen()).read('c1');
    expect(read.seq).toBe(4);
    expect(read.records).toEqual([waitingRecord('c1', '7', ['X'])]);
  });

  test('an append that arrives after a newer one for the same record does not undo it', async () => {
    await journal.append(batch('c1', 5, [waitingRecord('c1', '7', ['new'])]));
    await journal.append(batch('c1', 4, [waitingRecord('c1', '7', ['old'])]));
    expect((await (await reopen()).read('c1')).records).toEqual([
      waitingRecord('c1', '7', ['new']),
    ]);
  });

  test('history is compacted away: the file stays proportional to what waits', async () => {
    for (let seq = 1; seq <= 400; seq += 1) {
      await journal.append(batch('c1', seq, [waitingRecord('c1', `k${seq % 3}`, [`v${seq}`])]));
    }
    const size = (await stat(journal.pathOf('c1'))).size;
    const read = await (await reopen()).read('c1');
    expect(read.records.map((record) => record.recordKey).sort()).toEqual(['k0', 'k1', 'k2']);
    expect(read.seq).toBe(400);
    // 3 waiting records plus at most ~130 lines of history before the next compaction.
    expect(size).toBeLessThan(140 * 1_200);
    expect((await readFile(journal.pathOf('c1'), 'utf8')).split('\n').length).toBeLessThan(140);
  });

  test('a compaction keeps the sequence even when nothing waits', async () => {
    for (let seq = 1; seq <= 130; seq += 1) {
      await journal.append(batch('c1', seq, [waitingRecord('c1', 'k', ['v'])]));
      await journal.append(batch('c1', seq + 1000, [settledRecord('c1', 'k')]));
    }
    expect(await (await reopen()).read('c1')).toEqual({ seq: 1130, records: [], notices: [] });
  });

  test('a torn last record is read up to the last whole one, said in words, and cut off', async () => {
    await journal.append(batch('c1', 1, [waitingRecord('c1', 'local-a', ['A'])]));
    await journal.append(batch('c1', 2, [waitingRecord('c1', 'local-b', ['B'])]));
    await journal.close();
    const line = JSON.stringify(batch('c1', 3, [waitingRecord('c1', 'local-c', ['C'])]));
    await appendFile(journal.pathOf('c1'), `00000000 ${line.slice(0, 40)}`);
    journal = open();
    const read = await journal.read('c1');
    expect(read.seq).toBe(2);
    expect(read.records.map((record) => record.recordKey)).toEqual(['local-a', 'local-b']);
    expect(read.notices.join(' ')).toMatch(/half-written change/);
    expect(read.notices.join(' ')).not.toMatch(/at .*\.ts:\d+/);
    // What comes after is readable: the torn bytes are gone.
    await journal.append(batch('c1', 3, [waitingRecord('c1', 'local-d', ['D'])]));
    const again = await (await reopen()).read('c1');
    expect(again.records.map((record) => record.recordKey)).toEqual([
      'local-a',
      'local-b',
      'local-d',
    ]);
    expect(again.notices).toEqual([]);
  });

  test('a last line whose checksum does not hold counts as torn', async () => {
    await journal.append(batch('c1', 1, [waitingRecord('c1', 'local-a', ['A'])]));
    await journal.close();
    const line = JSON.stringify(batch('c1', 2, [waitingRecord('c1', 'local-b', ['B'])]));
    await appendFile(journal.pathOf('c1'), `deadbeef ${line}\n`);
    journal = open();
    const read = await journal.read('c1');
    expect(read.records.map((record) => record.recordKey)).toEqual(['local-a']);
    expect(read.notices).toHaveLength(1);
  });

  test('a file that is not ours is refused in words and left exactly as it was', async () => {
    const path = journal.pathOf('c1');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, 'PK\u0003\u0004 this is a zip file\n{"seq":9}\n');
    const read = await journal.read('c1');
    expect(read.records).toEqual([]);
    expect(read.notices[0]).toMatch(/is not one Fieldbook can use.*left as it is/);
    await expect(
      journal.append(batch('c1', 1, [waitingRecord('c1', 'local-a', ['A'])])),
    ).rejects.toThrow(/not one Fieldbook can use/);
    await expect(journal.rewrite('c1', 1, [])).rejects.toThrow(/not one Fieldbook can use/);
    expect(await readFile(path, 'utf8')).toBe('PK\u0003\u0004 this is a zip file\n{"seq":9}\n');
    expect(logs.join('\n')).toMatch(/journal: The change journal .* is not one Fieldbook can use/);
  });

  test("another connection's journal under this name is refused too", async () => {
    await journal.append(batch('c2', 1, [waitingRecord('c2', 'local-a', ['A'])]));
    await journal.close();
    await mkdir(dirname(journal.pathOf('c1')), { recursive: true });
    await writeFile(journal.pathOf('c1'), await readFile(journal.pathOf('c2')));
    journal = open();
    expect((await journal.read('c1')).notices[0]).toMatch(/belongs to another connection/);
  });

  test('a rewrite replaces the whole journal at the given sequence', async () => {
    await journal.append(batch('c1', 1, [waitingRecord('c1', 'local-a', ['A'])]));
    await journal.rewrite('c1', 9, [waitingRecord('c1', 'local-z', ['Z'])]);
    expect(await (await reopen()).read('c1')).toEqual({
      seq: 9,
      records: [waitingRecord('c1', 'local-z', ['Z'])],
      notices: [],
    });
  });

  test("removing a connection's journal deletes its file and nothing else", async () => {
    await journal.append(batch('c1', 1, [waitingRecord('c1', 'local-a', ['A'])]));
    await journal.append(batch('c2', 1, [waitingRecord('c2', 'local-b', ['B'])]));
    await journal.remove('c1');
    await expect(stat(journal.pathOf('c1'))).rejects.toThrow(/ENOENT/);
    expect((await (await reopen()).read('c2')).records).toHaveLength(1);
  });
});
