import { expect, test } from 'vitest';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { merge } from '../../../src-shared/sync/merge';
import { resolveFieldsConflict } from './conflict-resolution';
import { updateEntry } from './test-support/row-builders';
import { r2Descriptor } from '../../../src-shared/connectors';

const base: R2CustomerRecord = {
  recordid: 'R-1',
  companyname: 'Acme',
  phonenumber: '1',
  web: 'a.example',
};
const theirs: R2CustomerRecord = { ...base, phonenumber: 'theirs', faxnumber: 'fax' };
const entry = updateEntry(
  base,
  [
    { path: 'phonenumber', value: 'mine' },
    { path: 'web', value: 'b.example' },
  ],
  { seq: 4, state: 'conflict', lastError: { kind: 'conflict', message: 'Changed on both sides.' } },
);
const conflicted = {
  ...entry,
  conflict: {
    kind: 'fields' as const,
    conflicts: merge(
      r2Descriptor.shape,
      base,
      { ...base, phonenumber: 'mine', web: 'b.example' },
      theirs,
    ).conflicts,
    theirs,
  },
};

test('choosing mine: a pending update against theirs that sends my value and my other edits', () => {
  const resolution = resolveFieldsConflict(r2Descriptor, conflicted, { phonenumber: 'mine' }, {});
  expect(resolution).toEqual({
    ok: true,
    theirs,
    entry: {
      ...conflicted,
      state: 'pending',
      base: theirs,
      conflict: null,
      lastError: null,
      changed: expect.arrayContaining([
        { path: 'phonenumber', value: 'mine' },
        { path: 'web', value: 'b.example' },
      ]),
    },
  });
});

test('an edited value is sent as chosen', () => {
  const resolution = resolveFieldsConflict(
    r2Descriptor,
    conflicted,
    { phonenumber: { value: '+1 5' } },
    {},
  );
  expect(resolution.ok && resolution.entry?.changed).toContainEqual({
    path: 'phonenumber',
    value: '+1 5',
  });
});

test('a missing choice is refused with a message on the field', () => {
  const resolution = resolveFieldsConflict(r2Descriptor, conflicted, {}, {});
  expect(resolution.ok).toBe(false);
  expect(!resolution.ok && resolution.errors['phonenumber']).toEqual([
    expect.stringMatching(/Choose/),
  ]);
});

test('an entry without a fields conflict cannot be resolved', () => {
  const resolution = resolveFieldsConflict(r2Descriptor, entry, { phonenumber: 'mine' }, {});
  expect(resolution).toEqual({
    ok: false,
    errors: { '': [expect.stringMatching(/no conflicting/)] },
  });
});
