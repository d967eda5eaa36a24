// R2 list identity: sync matches contacts by recordid (new ones by localKey) and udfs by caption.
// A list it cannot match would be compared — and sent — whole, so the record schema refuses it
// before anything is sent; with identities guaranteed, no existing contact ever loses its recordid.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { r2RecordSchema, type R2CustomerRecord } from './api';
import { merge } from '../../sync/merge';
import { propertyParams } from '../../sync/test-support/fc-params';
import { acmeOnR2 } from '../../sync/test-support/sample-records';
import { r2BrokenIdentity } from '../../sync/test-support/r2-identity-arbitraries';
import { r2Shape } from './shape';
import { r2CreateBody, r2UpdateRequest } from './wire';

const notSaved = 'This contact has not been saved properly; add it again';

function mineOnly(change: (record: R2CustomerRecord) => void) {
  const mine = acmeOnR2();
  change(mine);
  return r2UpdateRequest(merge(r2Shape, acmeOnR2(), mine, acmeOnR2()));
}

describe('a new contact without identity (the audit probe)', () => {
  test('is refused instead of a PUT that strips the existing contacts’ recordids', () => {
    expect(mineOnly((r) => r.contacts!.push({ firstname: 'Bob' }))).toEqual({
      ok: false,
      errors: { contacts: [notSaved] },
    });
  });

  test('with a localKey it is a PATCH adding Bob; Jane and Max keep their recordids', () => {
    expect(mineOnly((r) => r.contacts!.push({ localKey: 'new-1', firstname: 'Bob' }))).toEqual({
      ok: true,
      value: { method: 'PATCH', body: { contacts: [{ firstname: 'Bob' }] } },
    });
  });

  test('with a localKey next to a removed contact: a PUT where the kept contact keeps its recordid', () => {
    const request = mineOnly((r) => {
      r.contacts = [r.contacts![0]!, { localKey: 'new-1', firstname: 'Bob' }];
    });
    const body = request.ok && request.value?.method === 'PUT' ? request.value.body : undefined;
    expect(body?.contacts?.map((contact) => [contact.recordid, contact.firstname])).toEqual([
      ['C-17', 'Jane'],
      [undefined, 'Bob'],
    ]);
  });

  test('a POST refuses it too', () => {
    const record = acmeOnR2();
    delete record.recordid;
    record.contacts = [{ firstname: 'Bob' }];
    expect(r2CreateBody(record)).toEqual({ ok: false, errors: { contacts: [notSaved] } });
  });
});

describe('unmatchable lists (property)', () => {
  test('the record schema, the POST and the update request all refuse them', () => {
    fc.assert(
      fc.property(r2BrokenIdentity, ({ base, broken }) => {
        expect(r2RecordSchema.safeParse(base).success).toBe(true);
        expect(r2RecordSchema.safeParse(broken.record).success, broken.flaw).toBe(false);
        expect(r2CreateBody(broken.record).ok, broken.flaw).toBe(false);
        const update = r2UpdateRequest(merge(r2Shape, base, broken.record, base));
        expect(update.ok, broken.flaw).toBe(false);
      }),
      propertyParams(300),
    );
  });
});
