import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { r2WriteFromRecord, type R2CustomerRecord } from '../../api/r2';
import { merge } from '../merge';
import { propertyParams, r2Arbitraries, threeWay } from '../test-support/arbitraries';
import { isPlainObject, type PlainObject } from '../values';
import { resolveR2 } from './resolve-for';
import { r2UpdateRequest } from './r2-wire';

/** R2 as the sandbox implements PATCH: fields and blocks replaced, contacts upserted by recordid. */
function applyPatch(target: PlainObject, body: PlainObject): PlainObject {
  const result = structuredClone(target);
  for (const [key, value] of Object.entries(body)) {
    if (key !== 'contacts') {
      if (value === null) delete result[key];
      else result[key] = value;
      continue;
    }
    const contacts = Array.isArray(result['contacts']) ? (result['contacts'] as PlainObject[]) : [];
    for (const sent of value as PlainObject[]) {
      const existing = contacts.find((contact) => contact['recordid'] === sent['recordid']);
      if (!existing || sent['recordid'] === undefined) contacts.push(sent);
      else Object.assign(existing, sent);
    }
    result['contacts'] = contacts;
  }
  return result;
}

/** R2 treats null and absent alike (src-shared/api/r2/mapping.ts): compare without either. */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== null && member !== undefined)
      .map(([key, member]) => [key, withoutEmpty(member)]),
  );
}

describe('R2 update request (property)', () => {
  test('applied to the server record as R2 applies it, the request yields the merged record', () => {
    fc.assert(
      fc.property(threeWay(r2Arbitraries), ({ base, mine, theirs }) => {
        const merged = merge<R2CustomerRecord>(r2Arbitraries.shape, base, mine, theirs);
        const choices = Object.fromEntries(merged.conflicts.map((c) => [c.path, 'mine' as const]));
        const resolved = resolveR2(merged, choices);
        expect(resolved.ok).toBe(true);
        if (!resolved.ok) return;
        const request = r2UpdateRequest(resolved.value);
        expect(request.ok).toBe(true);
        if (!request.ok) return;
        const expected = withoutEmpty(r2WriteFromRecord(resolved.value.merged));
        const server = r2WriteFromRecord(theirs) as PlainObject;
        if (request.value === null) {
          expect(withoutEmpty(server)).toEqual(expected);
        } else if (request.value.method === 'PUT') {
          expect(withoutEmpty(request.value.body)).toEqual(expected);
        } else {
          expect(withoutEmpty(applyPatch(server, request.value.body as PlainObject))).toEqual(
            expected,
          );
        }
      }),
      propertyParams(),
    );
  });
});
