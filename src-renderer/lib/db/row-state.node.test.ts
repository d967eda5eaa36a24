import { describe, expect, test } from 'vitest';
import { fieldErrorsFor, localRecordOf, syncStateOf } from './row-state';
import { createEntry, updateEntry } from './test-support/row-builders';

type Simple = { name: string; phone?: string; city?: string };
const server: Simple = { name: 'Acme', phone: '1' };

describe('a row’s badge follows its entries', () => {
  test.each([
    [[], 'synced'],
    [[updateEntry(server, [])], 'waiting'],
    [[updateEntry(server, [], { state: 'in_flight' })], 'waiting'],
    [[updateEntry(server, [], { state: 'rejected' }), updateEntry(server, [])], 'rejected'],
    [
      [
        updateEntry(server, [], { state: 'rejected' }),
        updateEntry(server, [], { state: 'conflict' }),
      ],
      'conflict',
    ],
  ] as const)('%# → %s', (entries, expected) => {
    expect(syncStateOf(entries)).toBe(expected);
  });

  test('the server’s messages stay only while a rejection does', () => {
    const messages = { phone: ['Not a phone number.'] };
    expect(fieldErrorsFor([updateEntry(server, [], { state: 'rejected' })], messages)).toBe(
      messages,
    );
    expect(fieldErrorsFor([updateEntry(server, [])], messages)).toBeNull();
  });
});

describe('the local record is the snapshot with every entry applied in order', () => {
  test('updates apply on the base, later values win', () => {
    const entries = [
      updateEntry(server, [{ path: 'phone', value: '2' }]),
      updateEntry(server, [
        { path: 'phone', value: '3' },
        { path: 'city', value: 'Leeds' },
      ]),
    ];
    expect(localRecordOf(server, entries)).toEqual({ name: 'Acme', phone: '3', city: 'Leeds' });
    expect(server).toEqual({ name: 'Acme', phone: '1' });
  });

  test('a create is the whole record; later updates apply to it', () => {
    const created = { name: 'New' };
    expect(
      localRecordOf<Simple>(null, [
        createEntry(created),
        updateEntry(created, [{ path: 'city', value: 'York' }]),
      ]),
    ).toEqual({ name: 'New', city: 'York' });
  });
});
