import { describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from '../connectors/r2/api';
import { resolveR2 } from '../connectors/r2/resolve';
import { resolveRevnue } from '../connectors/revnue-v2/resolve';
import { r2Shape } from '../connectors/r2/shape';
import { revnueShape } from '../connectors/revnue-v2/shape';
import { merge } from './merge';
import { acmeOnR2, globexOnRevnue, globexTemplates } from './test-support/sample-records';

function cityConflict() {
  const mine = acmeOnR2();
  mine.address!.city = 'York';
  mine.phonenumber = '+44 1';
  const theirs = acmeOnR2();
  theirs.address!.city = 'Hull';
  return merge<R2CustomerRecord>(r2Shape, acmeOnR2(), mine, theirs);
}

describe('resolving conflicts', () => {
  test("choosing 'mine' puts my value in the record and sends it", () => {
    const resolved = resolveR2(cityConflict(), { 'address.city': 'mine' });
    expect(resolved.ok && resolved.value.merged.address?.city).toBe('York');
    expect(resolved.ok && resolved.value.conflicts).toEqual([]);
    expect(resolved.ok && resolved.value.changedLocally).toEqual([
      { path: 'phonenumber', value: '+44 1' },
      { path: 'address.city', value: 'York' },
    ]);
  });

  test("choosing 'theirs' keeps the server's value and sends nothing for it", () => {
    const resolved = resolveR2(cityConflict(), { 'address.city': 'theirs' });
    expect(resolved.ok && resolved.value.merged.address?.city).toBe('Hull');
    expect(resolved.ok && resolved.value.changedLocally).toEqual([
      { path: 'phonenumber', value: '+44 1' },
    ]);
  });

  test('an edited value is used as typed', () => {
    const resolved = resolveR2(cityConflict(), { 'address.city': { value: 'York & Hull' } });
    expect(resolved.ok && resolved.value.merged.address?.city).toBe('York & Hull');
  });

  test('a conflict without a choice is an error on that field, never a silent pick', () => {
    expect(resolveR2(cityConflict(), {})).toEqual({
      ok: false,
      errors: {
        'address.city': [
          'Choose which value to keep for Address › City: mine, theirs or an edited one.',
        ],
      },
    });
  });

  test('a choice for a field without a conflict, or a nonsense choice, is an error too', () => {
    const bad = { 'address.city': 'both', phonenumber: 'mine' } as unknown as Record<
      string,
      'mine'
    >;
    const resolved = resolveR2(cityConflict(), bad);
    expect(resolved.ok).toBe(false);
    expect(!resolved.ok && Object.keys(resolved.errors).sort()).toEqual([
      'address.city',
      'phonenumber',
    ]);
  });

  test('the resolved record must pass the schema; messages name the field by identity', () => {
    const mine = acmeOnR2();
    mine.contacts![1]!.emailaddr = 'max@acme';
    const theirs = acmeOnR2();
    theirs.contacts![1]!.emailaddr = 'max.muster@acme.example';
    const result = merge<R2CustomerRecord>(r2Shape, acmeOnR2(), mine, theirs);
    const resolved = resolveR2(result, { 'contacts[recordid=C-18].emailaddr': { value: 'max@' } });
    expect(resolved).toEqual({
      ok: false,
      errors: { 'contacts[recordid=C-18].emailaddr': ['Enter a valid email address'] },
    });
  });

  test('Revnue: with the templates, an edited custom value is checked against its type', () => {
    const mine = globexOnRevnue();
    mine.template!.fields[0]!.value = '1500.00';
    const theirs = globexOnRevnue();
    theirs.template!.fields[0]!.value = '900.00';
    const result = merge(revnueShape, globexOnRevnue(), mine, theirs);
    const path = 'template.fields[id=7].value';
    const resolved = resolveRevnue(result, { [path]: { value: '12.345' } }, globexTemplates);
    expect(resolved).toEqual({
      ok: false,
      errors: { [path]: ['Annual budget can have at most 2 decimals'] },
    });
    const fixed = resolveRevnue(result, { [path]: { value: '1300.00' } }, globexTemplates);
    expect(fixed.ok && fixed.value.changedLocally).toEqual([{ path, value: '1300.00' }]);
  });
});
