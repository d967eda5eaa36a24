import { describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from '../connectors/r2/api';
import { r2Shape } from '../connectors/r2/shape';
import { revnueShape } from '../connectors/revnue-v2/shape';
import { merge } from './merge';
import { acmeOnR2, globexOnRevnue } from './test-support/sample-records';

const base = acmeOnR2;
function edit(change: (record: R2CustomerRecord) => void): R2CustomerRecord {
  const record = acmeOnR2();
  change(record);
  return record;
}
const jane = (record: R2CustomerRecord) => record.contacts!.find((c) => c.recordid === 'C-17')!;

describe('three-way merge: my offline edit meets a colleague’s server edit', () => {
  test('different fields: both edits survive, only mine is sent', () => {
    const mine = edit((r) => (r.phonenumber = '+44 113 496 1234'));
    const theirs = edit((r) => (r.customerstatus = 'On Hold'));
    const result = merge(r2Shape, base(), mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.phonenumber).toBe('+44 113 496 1234');
    expect(result.merged.customerstatus).toBe('On Hold');
    expect(result.changedLocally).toEqual([{ path: 'phonenumber', value: '+44 113 496 1234' }]);
  });

  test('same field, same new value: no conflict and nothing to send', () => {
    const mine = edit((r) => (r.address!.city = 'York'));
    const theirs = edit((r) => (r.address!.city = 'York'));
    expect(merge(r2Shape, base(), mine, theirs)).toEqual({
      merged: theirs,
      changedLocally: [],
      conflicts: [],
    });
  });

  test('the same user fields added on both sides in another order: no conflict, nothing to send', () => {
    const noUdfs = edit((r) => delete r.udfs);
    const owner = { caption: 'Owner', value: 'Ann' };
    const region = { caption: 'Region', value: 'North' };
    const mine = edit((r) => (r.udfs = [owner, region]));
    const theirs = edit((r) => (r.udfs = [region, owner]));
    expect(merge(r2Shape, noUdfs, mine, theirs)).toEqual({
      merged: theirs,
      changedLocally: [],
      conflicts: [],
    });
  });

  test('same field, different values: a conflict with all three values; merged keeps theirs', () => {
    const mine = edit((r) => (r.address!.city = 'York'));
    const theirs = edit((r) => (r.address!.city = 'Hull'));
    const result = merge(r2Shape, base(), mine, theirs);
    expect(result.conflicts).toEqual([
      { path: 'address.city', base: 'Leeds', mine: 'York', theirs: 'Hull' },
    ]);
    expect(result.merged.address?.city).toBe('Hull');
    expect(result.changedLocally).toEqual([]);
  });

  test('two fields of the same contact edited on different sides merge cleanly', () => {
    const mine = edit((r) => (jane(r).workphone = '+44 7700 900123'));
    const theirs = edit((r) => (jane(r).emailaddr = 'jane.doe@acme.example'));
    const result = merge(r2Shape, base(), mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(jane(result.merged)).toMatchObject({
      workphone: '+44 7700 900123',
      emailaddr: 'jane.doe@acme.example',
    });
  });

  test('a contact I added offline is kept alongside one a colleague added', () => {
    const mine = edit((r) => r.contacts!.push({ localKey: 'new-1', firstname: 'Liz' }));
    const theirs = edit((r) => r.contacts!.push({ recordid: 'C-30', firstname: 'Omar' }));
    const result = merge(r2Shape, base(), mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.contacts?.map((c) => c.firstname)).toEqual(['Jane', 'Max', 'Omar', 'Liz']);
    expect(result.changedLocally).toEqual([
      { path: 'contacts[localKey=new-1]', value: { localKey: 'new-1', firstname: 'Liz' } },
    ]);
  });

  test('a contact I deleted while a colleague edited it is a conflict on the whole contact', () => {
    const mine = edit((r) => (r.contacts = r.contacts!.filter((c) => c.recordid !== 'C-17')));
    const theirs = edit((r) => (jane(r).lastname = 'Smith'));
    const result = merge(r2Shape, base(), mine, theirs);
    expect(result.conflicts).toEqual([
      {
        path: 'contacts[recordid=C-17]',
        base: jane(base()),
        mine: undefined,
        theirs: jane(theirs),
      },
    ]);
    expect(jane(result.merged).lastname).toBe('Smith');
  });

  test('a contact deleted on both sides is simply gone', () => {
    const drop = (r: R2CustomerRecord) =>
      (r.contacts = r.contacts!.filter((c) => c.recordid !== 'C-18'));
    const result = merge(r2Shape, base(), edit(drop), edit(drop));
    expect(result.conflicts).toEqual([]);
    expect(result.merged.contacts?.map((c) => c.recordid)).toEqual(['C-17']);
  });

  test('udfs are matched by caption: different udfs edited on each side both survive', () => {
    const mine = edit((r) => (r.udfs![0]!.value = 'South'));
    const theirs = edit((r) => (r.udfs = [{ caption: 'Tier', value: 'Silver' }, r.udfs![0]!]));
    const result = merge(r2Shape, base(), mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.udfs).toEqual([
      { caption: 'Tier', value: 'Silver' },
      { caption: 'Region', value: 'South' },
    ]);
  });

  test('audit fields always come from the server and never conflict', () => {
    const mine = edit((r) => (r.phonenumber = '+44 113 496 1234'));
    const theirs = edit((r) => {
      r.updatedbyname = 'Bob';
      r.updateddate = '2024-06-01T12:00';
    });
    const result = merge(r2Shape, base(), mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.updatedbyname).toBe('Bob');
    expect(result.merged.updateddate).toBe('2024-06-01T12:00');
  });
});

describe('three-way merge (Revnue)', () => {
  test('a custom field value changed on both sides is a conflict named by its field id', () => {
    const mine = globexOnRevnue();
    mine.template!.fields[0]!.value = '1500.00';
    const theirs = globexOnRevnue();
    theirs.template!.fields[0]!.value = '900.00';
    theirs.city = 'Shelbyville';
    const result = merge(revnueShape, globexOnRevnue(), mine, theirs);
    expect(result.conflicts).toEqual([
      { path: 'template.fields[id=7].value', base: '1200.00', mine: '1500.00', theirs: '900.00' },
    ]);
    expect(result.merged.city).toBe('Shelbyville');
  });

  test('removing the contact person while a colleague fixed its email is a conflict on the block', () => {
    const mine = { ...globexOnRevnue(), contact_person: null };
    const theirs = globexOnRevnue();
    theirs.contact_person!.email = 'hank.scorpio@globex.example';
    const result = merge(revnueShape, globexOnRevnue(), mine, theirs);
    expect(result.conflicts.map((c) => c.path)).toEqual(['contact_person']);
  });

  test('a template switch here and a field edit of the old template there: ONE conflict on template', () => {
    const mine = globexOnRevnue();
    mine.template = { id: 6, fields: [{ id: 20, value: 'Partner' }] };
    const theirs = globexOnRevnue();
    theirs.template!.fields[1]!.value = 'Platinum';
    const result = merge(revnueShape, globexOnRevnue(), mine, theirs);
    expect(result.conflicts).toEqual([
      {
        path: 'template',
        base: globexOnRevnue().template,
        mine: mine.template,
        theirs: theirs.template,
      },
    ]);
    expect(result.changedLocally).toEqual([]);
    expect(result.merged.template).toEqual(theirs.template);
  });

  test('a template switch on one side only is taken whole, never mixed with the old fields', () => {
    const mine = globexOnRevnue();
    mine.template = { id: 6, fields: [{ id: 20, value: 'Partner' }] };
    const theirs = globexOnRevnue();
    theirs.city = 'Shelbyville';
    const result = merge(revnueShape, globexOnRevnue(), mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.changedLocally).toEqual([{ path: 'template', value: mine.template }]);
    expect(result.merged.template).toEqual({ id: 6, fields: [{ id: 20, value: 'Partner' }] });
  });
});
