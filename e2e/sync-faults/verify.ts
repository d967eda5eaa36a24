// Compares the server's final state with what was confirmed: every create exactly once, every saved
// value there (unless its field was flagged as a conflict), every colleague-only edit still there,
// every same-field colleague edit flagged. Counts, plus one stderr line per problem.
import { normalizeCustomerName } from '../../src-shared/api/names';
import type { ConnectorProfile, ServerRecord } from './connector-profiles';
import { refKey, type ExpectedState } from './expected-state';
import type { ServerClient } from './server-client';

export interface Verdict {
  lost: number;
  duplicated: number;
  conflictsFlagged: number;
  merged: number;
  unflagged: number;
  checkedValues: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function verify(
  client: ServerClient,
  profiles: readonly ConnectorProfile[],
  expected: ExpectedState,
  log: (line: string) => void,
): Promise<Verdict> {
  const verdict: Verdict = {
    lost: 0,
    duplicated: 0,
    conflictsFlagged: 0,
    merged: 0,
    unflagged: 0,
    checkedValues: 0,
  };
  for (const profile of profiles) {
    const names = expected.created.get(profile.id) ?? new Set<string>();
    const wanted = new Set<string>([...names].map((name) => `name:${name}`));
    for (const { profile: p, ref } of expected.refs.values())
      if (p === profile.id && 'demo' in ref) wanted.add(ref.demo);
    const server = await profile.readAll(client, wanted);
    const byName = new Map<string, ServerRecord[]>();
    for (const record of server) {
      const key = normalizeCustomerName(record.name);
      byName.set(key, [...(byName.get(key) ?? []), record]);
    }
    const byId = new Map(server.map((record) => [record.serverId, record]));

    for (const name of names) {
      const copies = byName.get(normalizeCustomerName(name)) ?? [];
      if (copies.length === 0) {
        verdict.lost += 1;
        log(`LOST create: ${profile.id} “${name}” is not on the server`);
      } else if (copies.length > 1) {
        verdict.duplicated += copies.length - 1;
        log(
          `DUPLICATED: ${profile.id} “${name}” ×${copies.length} (${copies.map((c) => c.serverId).join(', ')})`,
        );
      }
    }

    const recordOf = (key: string): ServerRecord | undefined => {
      const target = expected.refs.get(key);
      if (!target) return undefined;
      return 'created' in target.ref
        ? byName.get(normalizeCustomerName(target.ref.created))?.[0]
        : byId.get(target.ref.demo);
    };
    const compare = (source: Map<string, Map<string, unknown>>, what: 'saved' | 'colleague') => {
      for (const [key, values] of source) {
        if (!key.startsWith(`${profile.id}:`)) continue;
        const record = recordOf(key);
        for (const [path, value] of values) {
          verdict.checkedValues += 1;
          const actual = record ? profile.wireValue(record.wire, path) : undefined;
          if (record && same(actual, value)) {
            if (what === 'colleague') verdict.merged += 1;
            continue;
          }
          if (what === 'saved' && expected.flagged.has(`${key}|${path}`)) continue;
          verdict.lost += 1;
          log(
            `LOST ${what} value: ${key} ${path} expected ${JSON.stringify(value)}, server has ${JSON.stringify(actual)}${record ? '' : ' (record missing)'}`,
          );
        }
      }
    };
    compare(expected.localValues, 'saved');
    compare(expected.colleagueValues, 'colleague');
  }

  for (const edit of expected.sameField) {
    if (edit.flagged) verdict.conflictsFlagged += 1;
    else {
      verdict.unflagged += 1;
      log(
        `NOT FLAGGED: colleague set ${refKey(edit.profile, edit.ref)} ${edit.path} = ${JSON.stringify(edit.colleagueValue)} over a local change, and no conflict was shown`,
      );
    }
  }
  return verdict;
}
