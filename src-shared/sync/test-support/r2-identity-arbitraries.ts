// R2 records whose lists cannot be matched item by item — a contact without recordid and localKey,
// two contacts sharing one, a udf without caption or a caption twice in one list — built from a
// valid generated record. The record schema must refuse every one of them (see r2-identity tests).
import fc from 'fast-check';
import type { R2ContactRecord, R2CustomerRecord, R2Udf } from '../../connectors/r2/api';
import { r2Record } from './r2-arbitraries';

export interface BrokenR2Record {
  /** What was broken, for the failure report. */
  readonly flaw: string;
  /** Typed as a record because that is what a buggy editor would hand over. */
  readonly record: R2CustomerRecord;
}

const anonymous = (contact: R2ContactRecord): R2ContactRecord => {
  const { recordid: _recordid, localKey: _localKey, ...rest } = contact;
  return rest;
};

function withoutIdentity(record: R2CustomerRecord): fc.Arbitrary<BrokenR2Record> {
  const contacts = record.contacts ?? [];
  return fc.nat(contacts.length).map((index) => {
    const next =
      index < contacts.length
        ? contacts.map((contact, at) => (at === index ? anonymous(contact) : contact))
        : [...contacts, { firstname: 'Bob' }];
    return { flaw: `contact ${index} has no identity`, record: { ...record, contacts: next } };
  });
}

function sharedIdentity(record: R2CustomerRecord): fc.Arbitrary<BrokenR2Record> {
  const contacts = record.contacts ?? [];
  const copy = (identity: Partial<R2ContactRecord>) => ({
    flaw: `identity ${JSON.stringify(identity)} twice`,
    record: { ...record, contacts: [...contacts, { ...identity, firstname: 'Twin' }] },
  });
  if (contacts.length === 0) {
    return fc.constant({
      flaw: 'localKey twice',
      record: { ...record, contacts: [{ localKey: 'k' }, { localKey: 'k' }] },
    });
  }
  return fc
    .nat(contacts.length - 1)
    .map((index) => contacts[index]!)
    .map((twin) =>
      copy(twin.recordid !== undefined ? { recordid: twin.recordid } : { localKey: twin.localKey }),
    );
}

/** A bad udf list (an empty caption, or one caption twice) put on the customer or a contact. */
function badUdfs(record: R2CustomerRecord): fc.Arbitrary<BrokenR2Record> {
  const badList = (udfs: readonly R2Udf[]): fc.Arbitrary<R2Udf[]> =>
    fc.oneof(
      fc.constantFrom('', '   ').map((caption) => [...udfs, { caption, value: 'x' }]),
      fc
        .constantFrom(...(udfs.length > 0 ? udfs.map((udf) => udf.caption) : ['Region']))
        .map((caption) => [...udfs, { caption, value: 'x' }, { caption, value: 'y' }]),
    );
  const contacts = record.contacts ?? [];
  return fc.nat(contacts.length).chain((index): fc.Arbitrary<BrokenR2Record> =>
    index === contacts.length
      ? badList(record.udfs ?? []).map((udfs) => ({
          flaw: 'bad customer udfs',
          record: { ...record, udfs },
        }))
      : badList(contacts[index]!.udfs ?? []).map((udfs) => ({
          flaw: `bad udfs on contact ${index}`,
          record: {
            ...record,
            contacts: contacts.map((contact, at) =>
              at === index ? { ...contact, udfs } : contact,
            ),
          },
        })),
  );
}

/** A valid server record (`base`) and a version of it with one list made unmatchable. */
export const r2BrokenIdentity: fc.Arbitrary<{ base: R2CustomerRecord; broken: BrokenR2Record }> =
  r2Record.chain((base) =>
    fc
      .oneof(withoutIdentity(base), sharedIdentity(base), badUdfs(base))
      .map((broken) => ({ base, broken })),
  );
