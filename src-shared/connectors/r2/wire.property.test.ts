import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { r2WriteFromRecord, withoutEmptyMembers, type R2CustomerRecord } from './api';
import { merge } from '../../sync/merge';
import { propertyParams, r2Arbitraries, threeWay } from '../../sync/test-support/arbitraries';
import { flatten, nullPaths, r2NullsWithEmptyValue } from '../../sync/test-support/wire-checks';
import { isPlainObject, type PlainObject } from '../../sync/values';
import { resolveR2 } from './resolve';
import { r2CreateBody, r2UpdateRequest } from './wire';

/**
 * R2 PATCH as our convention defines it (README "R2 PATCH convention"; sandbox/r2/customer-writes.ts
 * implements the same): JSON Merge Patch (RFC 7386) — a key sent replaces ('' included: a cleared
 * text), null clears, objects (address blocks) merge per key, lists (udfs) replace whole — plus
 * R2's contact rule: contacts are matched by recordid and patched the same way; one without a
 * recordid is added.
 */
function applyPatch(target: PlainObject, body: PlainObject): PlainObject {
  const result: PlainObject = { ...target };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'recordid' || value === undefined) continue;
    if (value === null) delete result[key];
    else if (key === 'contacts') result[key] = patchContacts(result[key], value as PlainObject[]);
    else if (isPlainObject(value)) result[key] = mergeObject(result[key], value);
    else result[key] = value;
  }
  return result;
}

function mergeObject(target: unknown, patch: PlainObject): PlainObject {
  const result: PlainObject = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = value;
  }
  return result;
}

function patchContacts(current: unknown, sent: readonly PlainObject[]): PlainObject[] {
  const contacts = Array.isArray(current) ? [...(current as PlainObject[])] : [];
  for (const contact of sent) {
    const index = contacts.findIndex((c) => c['recordid'] === contact['recordid']);
    if (contact['recordid'] === undefined || index < 0) contacts.push(contact);
    else contacts[index] = applyPatch(contacts[index]!, contact);
  }
  return contacts;
}

/** A contact the server deleted but the merge kept is re-created: it cannot keep its old recordid. */
function withoutStaleIds(write: PlainObject, server: PlainObject): PlainObject {
  const ids = (record: PlainObject) =>
    new Set((Array.isArray(record['contacts']) ? record['contacts'] : []).map((c) => c?.recordid));
  const known = ids(server);
  if (!Array.isArray(write['contacts'])) return write;
  return {
    ...write,
    contacts: (write['contacts'] as PlainObject[]).map(({ recordid, ...contact }) =>
      known.has(recordid) ? { ...contact, recordid } : contact,
    ),
  };
}

/** Empty is absent for R2 (./api/mapping.ts): null, '', an empty block or list. */
function withoutEmpty(value: unknown): unknown {
  const sparse: unknown = withoutEmptyMembers(value);
  if (Array.isArray(sparse)) return sparse.map(withoutEmpty);
  if (!isPlainObject(sparse)) return sparse;
  return Object.fromEntries(
    Object.entries(sparse)
      .filter(([, member]) => !(Array.isArray(member) && member.length === 0))
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
        const server = r2WriteFromRecord(theirs) as PlainObject;
        const wanted = r2WriteFromRecord(resolved.value.merged) as PlainObject;
        const expected = withoutEmpty(withoutStaleIds(wanted, server));
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

describe('R2 wire bodies: no null for a text (property)', () => {
  test('a PATCH clears a text with "" and uses null only where a type has no empty value', () => {
    const seen = { patches: 0, emptyTexts: 0, nulls: 0 };
    fc.assert(
      fc.property(threeWay(r2Arbitraries), ({ base, mine, theirs }) => {
        const merged = merge<R2CustomerRecord>(r2Arbitraries.shape, base, mine, theirs);
        const choices = Object.fromEntries(merged.conflicts.map((c) => [c.path, 'mine' as const]));
        const resolved = resolveR2(merged, choices);
        if (!resolved.ok) return;
        const request = r2UpdateRequest(resolved.value);
        if (!request.ok || request.value?.method !== 'PATCH') return;
        const nulls = nullPaths(request.value.body);
        expect(r2NullsWithEmptyValue(request.value.body)).toEqual([]);
        seen.patches += 1;
        if (nulls.length > 0) seen.nulls += 1;
        if ([...flatten(request.value.body).values()].includes('')) seen.emptyTexts += 1;
      }),
      propertyParams(),
    );
    // Both kinds of clear must really occur, or the property proves nothing.
    expect(seen.patches).toBeGreaterThan(100);
    expect(seen.emptyTexts).toBeGreaterThan(10);
    expect(seen.nulls).toBeGreaterThan(10);
  });

  test('a POST carries no null at all, and always a synchronizer2', () => {
    fc.assert(
      fc.property(r2Arbitraries.record, (record) => {
        const created = r2CreateBody(record);
        expect(created.ok).toBe(true);
        if (!created.ok) return;
        expect(nullPaths(created.value)).toEqual([]);
        expect(created.value.synchronizer2).toBe(record.synchronizer2 ?? 'Created in R2');
      }),
      propertyParams(),
    );
  });
});
