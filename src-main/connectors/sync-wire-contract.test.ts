// The wire contract between the sync core and the APIs, proven over real HTTP against the
// sandbox: whatever the sync core sends for a merge, the server then holds exactly the merged
// record. R2 by PATCH (or PUT when a contact was removed), Revnue by PUT of the merged record.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { R2CustomerRecord, R2CustomerWrite } from '../../src-shared/connectors/r2/api';
import type {
  RevnueCustomerBody,
  RevnueCustomerRecord,
} from '../../src-shared/connectors/revnue-v2/api';
import {
  diff,
  merge,
  r2Shape,
  resolveR2,
  resolveRevnue,
  revnueShape,
  type Choice,
} from '../../src-shared/sync';
import type { Conflict, R2UpdateRequest } from '../../src-shared/sync';
import { propertyParams, r2Edit, r2Record } from '../../src-shared/sync/test-support/arbitraries';
import {
  nullPaths,
  nullsWithoutTheirs,
  r2NullsWithEmptyValue,
  theirsLeftOut,
} from '../../src-shared/sync/test-support/wire-checks';
import {
  comparableR2,
  createOnR2,
  mergeR2,
  pushToR2,
  readFromR2,
  replaceOnR2,
  unmatchedContactIds,
  withTaggedCustomerId,
} from './test-support/r2-round-trip';
import {
  allTemplates,
  revnueEditFor,
  revnueRecordFor,
  type RevnueAccountLookups,
} from './test-support/revnue-lookup-arbitraries';
import {
  comparableRevnue,
  createOnRevnue,
  pushToRevnue,
  putOnRevnue,
  readFromRevnue,
  readRevnueLookups,
  withTaggedName,
} from './test-support/revnue-round-trip';
import {
  expectOk,
  expectValid,
  startWireWorld,
  uniqueTag,
  type WireWorld,
} from './test-support/wire-contract-world';

let world: WireWorld;
let lookups: RevnueAccountLookups;
beforeAll(async () => {
  world = await startWireWorld();
  lookups = await readRevnueLookups(world);
});
afterAll(async () => {
  await world.close();
});

/** ~5 requests per run; 150 runs keep each property at a few seconds. */
const RUNS = 150;
/** Generous: a property is a few seconds here, but CI machines are loaded. */
const PROPERTY_TIMEOUT_MS = 120_000;
/**
 * Shrinking costs ~5 requests a step; past this budget fast-check stops and reports the smallest
 * counterexample so far, well before the test's own timeout would hide it.
 */
const wireParams = () => ({
  ...propertyParams(RUNS),
  interruptAfterTimeLimit: 60_000,
  markInterruptAsFailure: true,
});

/** A choice per conflict, generated: the salesperson may keep either side. */
function choose(g: fc.GeneratorValue, conflicts: readonly Conflict[]): Record<string, Choice> {
  const choices: Record<string, Choice> = {};
  for (const conflict of conflicts) {
    choices[conflict.path] = g(() => fc.constantFrom<Choice>('mine', 'theirs'));
  }
  return choices;
}

interface R2Outcome {
  conflicts: number;
  created: R2CustomerWrite;
  request: R2UpdateRequest | null;
  server: R2CustomerRecord;
  merged: R2CustomerRecord;
}

/** Base on the server, theirs PUT over it, mine merged in, the sync core's request sent, read back. */
async function r2RoundTrip(
  generated: R2CustomerRecord,
  g: fc.GeneratorValue,
  onConflicts: 'resolve' | 'skip',
): Promise<R2Outcome> {
  const tag = uniqueTag();
  const {
    id,
    record: base,
    body: created,
  } = await createOnR2(world, withTaggedCustomerId(generated, tag));
  const mine = withTaggedCustomerId(g(r2Edit, base, 'mine'), tag);
  const theirsEdit = withTaggedCustomerId(g(r2Edit, base, 'theirs'), tag);
  const theirs = await replaceOnR2(world, id, base, theirsEdit);
  const merged = mergeR2(base, mine, theirs);
  if (onConflicts === 'skip') fc.pre(merged.conflicts.length === 0);
  const resolved = expectValid(resolveR2(merged, choose(g, merged.conflicts)), 'the resolution');
  const request = await pushToR2(world, id, resolved);
  return {
    conflicts: merged.conflicts.length,
    created,
    request,
    server: await readFromR2(world, id),
    merged: resolved.merged,
  };
}

function expectServerHoldsMerged({ server, merged }: Pick<R2Outcome, 'server' | 'merged'>) {
  const unmatched = unmatchedContactIds(server, merged);
  expect(comparableR2(server, unmatched)).toEqual(comparableR2(merged, unmatched));
}

describe('R2: after the sync core’s request the server holds exactly the merged record', () => {
  test(
    'with conflicts resolved either way (property)',
    async () => {
      const seen = { conflicts: 0, PATCH: 0, PUT: 0 };
      await fc.assert(
        fc.asyncProperty(r2Record, fc.gen(), async (generated, g) => {
          const outcome = await r2RoundTrip(generated, g, 'resolve');
          expectServerHoldsMerged(outcome);
          // What went over the wire: no null in the POST (and a synchronizer2); null only where a
          // type has no empty value (README "R2 PATCH convention").
          expect(nullPaths(outcome.created)).toEqual([]);
          expect(outcome.created.synchronizer2).toBeDefined();
          expect(r2NullsWithEmptyValue(outcome.request?.body)).toEqual([]);
          if (outcome.conflicts > 0) seen.conflicts += 1;
          if (outcome.request) seen[outcome.request.method] += 1;
        }),
        wireParams(),
      );
      // The property is only as good as its scenarios: each kind must actually occur.
      expect(seen.conflicts).toBeGreaterThan(0);
      expect(seen.PATCH).toBeGreaterThan(0);
      expect(seen.PUT).toBeGreaterThan(0);
    },
    PROPERTY_TIMEOUT_MS,
  );

  test(
    'conflict-free merges (property)',
    async () => {
      await fc.assert(
        fc.asyncProperty(r2Record, fc.gen(), async (generated, g) => {
          expectServerHoldsMerged(await r2RoundTrip(generated, g, 'skip'));
        }),
        wireParams(),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('R2 PATCH convention, by example', () => {
  const acme = (): R2CustomerRecord => ({
    companyname: 'ACME Rentals',
    address: { addressline: 'Mill Lane 4', city: 'Leeds', zip: 'LS1 4AP', country: 'UK' },
    contacts: [
      { firstname: 'Jane', lastname: 'Doe', emailaddr: 'jane@acme.example' },
      { firstname: 'Max', lastname: 'Muster' },
    ],
    udfs: [
      { caption: 'Region', value: 'North' },
      { caption: 'Tier', value: 'Gold' },
    ],
  });

  /** The salesperson edits the server's record while nobody else touches it; the edit is synced. */
  async function syncMyEdit(edit: (mine: R2CustomerRecord) => void) {
    const { id, record: base } = await createOnR2(world, acme());
    const mine = structuredClone(base);
    edit(mine);
    const result = mergeR2(base, mine, base);
    const request = await pushToR2(world, id, result);
    const server = await readFromR2(world, id);
    expectServerHoldsMerged({ server, merged: result.merged });
    return { request, server, merged: result.merged };
  }

  test('a udf removed locally is removed on the server (udfs replace the list)', async () => {
    const { request, server } = await syncMyEdit((mine) => {
      mine.udfs = mine.udfs?.filter((udf) => udf.caption !== 'Tier');
    });
    expect(request).toEqual({
      method: 'PATCH',
      body: { udfs: [{ caption: 'Region', value: 'North' }] },
    });
    expect(server.udfs).toEqual([{ caption: 'Region', value: 'North' }]);
  });

  test('a cleared address line is sent as "" and cleared, the rest of the block kept', async () => {
    const { request, server, merged } = await syncMyEdit((mine) => {
      delete mine.address?.addressline;
    });
    // The server keeps '' and answers it; read back, that is the absent line: no echo.
    expect(diff(r2Shape, merged, server)).toEqual([]);
    expect(request).toEqual({
      method: 'PATCH',
      body: {
        address: { addressline: '', city: 'Leeds', state: '', zip: 'LS1 4AP', country: 'UK' },
      },
    });
    expect(server.address).toEqual({ city: 'Leeds', zip: 'LS1 4AP', country: 'UK' });
  });

  test('a removed block and cleared udfs go as their empty values, and are gone afterwards', async () => {
    const { request, server } = await syncMyEdit((mine) => {
      delete mine.address;
      delete mine.udfs;
    });
    expect(request).toEqual({
      method: 'PATCH',
      body: {
        address: { addressline: '', city: '', state: '', zip: '', country: '' },
        udfs: [],
      },
    });
    expect(server).not.toHaveProperty('address');
    expect(server.udfs ?? []).toEqual([]);
  });

  test('a customer created without synchronizer2 is "Created in R2" and shows in the list', async () => {
    const { id, record, body } = await createOnR2(world, acme());
    expect(body.synchronizer2).toBe('Created in R2');
    expect(record.synchronizer2).toBe('Created in R2');
    const listed = expectOk(
      await world.r2.list({ filters: { companyname: 'ACME Rentals' }, pageSize: 500 }),
      'GET customers',
    );
    expect(listed.rows.map((row) => row.recordid)).toContain(id);
  });

  test('a contact added locally is created by the PATCH and gets a recordid', async () => {
    const { request, server } = await syncMyEdit((mine) => {
      mine.contacts?.push({ localKey: 'new-1', firstname: 'Liz', emailaddr: 'liz@acme.example' });
    });
    expect(request).toEqual({
      method: 'PATCH',
      body: { contacts: [{ firstname: 'Liz', emailaddr: 'liz@acme.example' }] },
    });
    const liz = server.contacts?.find((contact) => contact.firstname === 'Liz');
    expect(liz?.recordid).toMatch(/\S/);
    expect(server.contacts?.map((contact) => contact.firstname)).toEqual(['Jane', 'Max', 'Liz']);
  });

  test('a contact removed locally cannot be said in a PATCH: a PUT removes it', async () => {
    const { request, server } = await syncMyEdit((mine) => {
      mine.contacts = mine.contacts?.filter((contact) => contact.firstname !== 'Max');
    });
    expect(request?.method).toBe('PUT');
    expect(server.contacts?.map((contact) => contact.firstname)).toEqual(['Jane']);
  });

  test('a contact edited here but deleted by a colleague, kept by choice, is re-created', async () => {
    const { id, record: base } = await createOnR2(world, acme());
    const mine = structuredClone(base);
    mine.contacts![1]!.title = 'Depot manager';
    const theirs = await replaceOnR2(world, id, base, {
      ...base,
      contacts: base.contacts?.slice(0, 1),
    });
    const merged = mergeR2(base, mine, theirs);
    expect(merged.conflicts.map((conflict) => conflict.path)).toHaveLength(1);
    const choices = { [merged.conflicts[0]!.path]: 'mine' as const };
    const result = expectValid(resolveR2(merged, choices), 'the resolution');
    const request = await pushToR2(world, id, result);
    expect(request?.method).toBe('PATCH');
    // Sent as a new contact: R2 refuses the recordid it deleted.
    expect(request?.body.contacts).toEqual([
      { firstname: 'Max', lastname: 'Muster', title: 'Depot manager' },
    ]);
    const server = await readFromR2(world, id);
    expect(server.contacts?.map((c) => [c.firstname, c.title])).toEqual([
      ['Jane', undefined],
      ['Max', 'Depot manager'],
    ]);
    expect(server.contacts?.[1]?.recordid).not.toBe(base.contacts?.[1]?.recordid);
  });
});

describe('Revnue: after the sync core’s PUT the server holds exactly the merged record', () => {
  interface RevnueOutcome {
    conflicts: number;
    created: RevnueCustomerBody;
    sent: RevnueCustomerBody | null;
    theirs: RevnueCustomerRecord;
  }

  async function revnueRoundTrip(
    generated: RevnueCustomerRecord,
    g: fc.GeneratorValue,
  ): Promise<RevnueOutcome> {
    const tag = uniqueTag();
    const { record: base, body: created } = await createOnRevnue(
      world,
      lookups,
      withTaggedName(generated, tag),
    );
    const mine = withTaggedName(g(revnueEditFor, lookups, base), tag);
    const theirsEdit = withTaggedName(g(revnueEditFor, lookups, base), tag);
    const theirs = await putOnRevnue(world, lookups, base.id, theirsEdit, base);
    const merged = merge<RevnueCustomerRecord>(revnueShape, base, mine, theirs);
    const resolved = expectValid(
      resolveRevnue(merged, choose(g, merged.conflicts), allTemplates(lookups)),
      'the resolution',
    );
    const sent = await pushToRevnue(world, lookups, base.id, resolved, theirs);
    const server = await readFromRevnue(world, lookups, base.id, base.company);
    expect(comparableRevnue(server)).toEqual(comparableRevnue(resolved.merged));
    return { conflicts: merged.conflicts.length, created, sent, theirs };
  }

  test(
    'with conflicts resolved either way (property); no null in a POST, in a PUT only to clear theirs',
    async () => {
      const seen = { conflicts: 0, sent: 0, clears: 0 };
      await fc.assert(
        fc.asyncProperty(revnueRecordFor(lookups), fc.gen(), async (generated, g) => {
          const outcome = await revnueRoundTrip(generated, g);
          expect(nullPaths(outcome.created)).toEqual([]);
          if (outcome.sent) {
            expect(nullsWithoutTheirs(outcome.sent, outcome.theirs)).toEqual([]);
            expect(theirsLeftOut(outcome.sent, outcome.theirs)).toEqual([]);
            seen.sent += 1;
            if (nullPaths(outcome.sent).length > 0) seen.clears += 1;
          }
          if (outcome.conflicts > 0) seen.conflicts += 1;
        }),
        wireParams(),
      );
      expect(seen.conflicts).toBeGreaterThan(0);
      expect(seen.sent).toBeGreaterThan(0);
      // Clears must actually be sent (and held by the server), or the null rule proves nothing.
      expect(seen.clears).toBeGreaterThan(0);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
