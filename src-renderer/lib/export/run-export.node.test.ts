// The export pipeline without a window: batches in the keys' order, progress after each, the head
// first, cancel dropping the file, and a failed read said in words with the file dropped too.
import { describe, expect, test } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerRow } from '../db/rows';
import { viewColumns } from './export-columns';
import { ExportFailure, type ExportSink } from './export-sinks';
import type { ExportRowSource } from './read-rows';
import { runExport } from './run-export';

const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
const plan = { format: 'csv' as const, columns: viewColumns(descriptor, {}).slice(0, 1) };

function rowOf(key: string): CustomerRow {
  const record = { name: `Customer ${key}`, company: 1 };
  return {
    connectionId: 'c1',
    key,
    serverId: key,
    record,
    base: record,
    remote: null,
    hydration: 'full',
    syncState: 'synced',
    opened: false,
    fieldErrors: null,
    updatedAt: 1,
  };
}

function source(fail?: Error): ExportRowSource & { reads: string[][] } {
  const reads: string[][] = [];
  return {
    reads,
    async read(keys) {
      if (fail) throw fail;
      reads.push([...keys]);
      // A key deleted since the view was taken is left out.
      return keys.filter((key) => key !== 'gone').map(rowOf);
    },
    close() {},
  };
}

function sink() {
  const file = { text: '', finished: false, cancelled: false };
  const s: ExportSink = {
    write: async (text) => void (file.text += text),
    finish: async () => {
      file.finished = true;
      return '/tmp/x.csv';
    },
    cancel: async () => void (file.cancelled = true),
  };
  return { file, sink: s };
}

describe('runExport', () => {
  test('reads in batches in the keys’ order and reports progress after each', async () => {
    const keys = ['5', '3', 'gone', '9', '1'];
    const rows = source();
    const out = sink();
    const progress: number[] = [];
    const outcome = await runExport({
      keys,
      source: rows,
      plan,
      sink: out.sink,
      batch: 2,
      onProgress: (done, total) => progress.push(done, total),
    });
    expect(outcome).toEqual({ outcome: 'exported', customers: 4, where: '/tmp/x.csv' });
    expect(rows.reads).toEqual([['5', '3'], ['gone', '9'], ['1']]);
    expect(progress).toEqual([2, 5, 4, 5, 5, 5]);
    expect(out.file.text).toBe(
      '\uFEFFName\r\nCustomer 5\r\nCustomer 3\r\nCustomer 9\r\nCustomer 1\r\n',
    );
  });

  test('cancel stops at the next batch and drops the file', async () => {
    const abort = new AbortController();
    const out = sink();
    const outcome = await runExport({
      keys: ['1', '2', '3', '4'],
      source: source(),
      plan,
      sink: out.sink,
      batch: 1,
      signal: abort.signal,
      onProgress: (done) => done === 2 && abort.abort(),
    });
    expect(outcome).toEqual({ outcome: 'cancelled' });
    expect(out.file).toMatchObject({ finished: false, cancelled: true });
  });

  test('a failed read is said in words and the file is dropped', async () => {
    const out = sink();
    const run = runExport({
      keys: ['1'],
      source: source(new Error('QuotaExceededError')),
      plan,
      sink: out.sink,
    });
    await expect(run).rejects.toBeInstanceOf(ExportFailure);
    await expect(run).rejects.toThrow(
      'The customers could not be read from this computer: QuotaExceededError',
    );
    expect(out.file.cancelled).toBe(true);
  });
});
