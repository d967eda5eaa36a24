import { expect, test } from 'vitest';
import { StoreError } from './customer-store';
import { toStoreError } from './store-errors';

const named = (name: string, extra: object = {}) =>
  Object.assign(new Error(`${name} happened`), { name }, extra);

test('a full disk, however deeply Dexie wraps it, says so in words', () => {
  const abort = named('AbortError', { inner: named('QuotaExceededError') });
  const bulk = named('BulkError', { failures: { 3: named('QuotaExceededError') } });
  for (const error of [named('QuotaExceededError'), abort, bulk]) {
    const mapped = toStoreError(error, 'change');
    expect(mapped.reason).toBe('quota');
    expect(mapped.message).toBe(
      'Your disk is full: this change could not be saved on this computer. Free some space and save again.',
    );
    expect(mapped.cause).toBe(error);
  }
  expect(toStoreError(named('QuotaExceededError'), 'sync').message).toMatch(
    /Fieldbook will try again/,
  );
});

test('a closed database and an aborted transaction each get their own sentence', () => {
  expect(toStoreError(named('DatabaseClosedError'), 'change')).toMatchObject({
    reason: 'closed',
    message: expect.stringMatching(/Restart Fieldbook/),
  });
  expect(toStoreError(named('AbortError'), 'change')).toMatchObject({
    reason: 'aborted',
    message: 'Saving on this computer was interrupted, so nothing was changed. Save again.',
  });
});

test('anything else is still reported, with the browser’s detail', () => {
  const mapped = toStoreError(named('DataCloneError'), 'change');
  expect(mapped.reason).toBe('unknown');
  expect(mapped.message).toMatch(/could not be saved.*\(DataCloneError happened\)/);
});

test('a StoreError passes through unchanged', () => {
  const error = new StoreError('Not saved: Name is required.', 'invalid');
  expect(toStoreError(error, 'change')).toBe(error);
});
