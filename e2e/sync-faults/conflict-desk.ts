// The salesperson at the conflict resolver: every conflict the page shows is noted as FLAGGED,
// matched to the colleague edit that caused it (a conflict no colleague caused is a FALSE one),
// and resolved — "mine" mostly, "theirs" for every third one where both sides' values are still
// the latest (no newer local edit, no newer colleague edit), so the expected value is clear.
import { getAt } from '../../src-shared/sync/apply';
import type { LabConflict } from '../sync-lab/lab-api';
import type { ProfileId } from './connector-profiles';
import { refKey, type ExpectedState } from './expected-state';
import { LabCrash, type LabSession } from './lab-session';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createConflictDesk(deps: {
  session: LabSession;
  connectionIds: Readonly<Record<ProfileId, string>>;
  expected: ExpectedState;
  log: (line: string) => void;
}) {
  const { session, connectionIds, expected, log } = deps;
  let resolvedCount = 0;
  const seen = new Set<string>();

  /** The run's name for the record behind a conflict: its created name, else its demo id. */
  function refOf(profile: ProfileId, conflict: LabConflict): string {
    if (expected.created.get(profile)?.has(conflict.name))
      return refKey(profile, { created: conflict.name });
    if (conflict.serverId) return refKey(profile, { demo: conflict.serverId });
    return `${profile}:key:${conflict.key}`;
  }

  async function resolveOne(profile: ProfileId, conflict: LabConflict): Promise<void> {
    const connectionId = connectionIds[profile];
    const key = refOf(profile, conflict);
    if (conflict.kind === 'deleted_on_server') {
      if (!seen.has(`${key}|deleted`)) {
        expected.unexpectedConflicts += 1;
        log(`UNEXPECTED "deleted on the server" conflict on ${key}; nothing here deletes`);
        seen.add(`${key}|deleted`);
      }
      return;
    }
    const row = await session.call('findRow', connectionId, { key: conflict.key });
    const choices: Record<string, 'mine' | 'theirs'> = {};
    const theirs: { path: string; value: unknown }[] = [];
    for (const field of conflict.fields) {
      expected.flagged.add(`${key}|${field.path}`);
      const onPath = expected.sameField.filter(
        (edit) => refKey(edit.profile, edit.ref) === key && edit.path === field.path,
      );
      // The conflict shows the server's latest value: the colleague edit that set it, and any
      // earlier one on the same field it superseded, are all flagged by this one conflict.
      const cause = onPath.findLastIndex(
        (edit) => !edit.flagged && same(edit.colleagueValue, field.theirs),
      );
      for (const edit of onPath.slice(0, cause + 1)) edit.flagged = true;
      const falseKey = `${key}|${field.path}|${JSON.stringify(field.theirs)}`;
      if (cause < 0 && !seen.has(falseKey)) {
        expected.unexpectedConflicts += 1;
        log(
          `FALSE CONFLICT on ${key} ${field.path} (no colleague set ${JSON.stringify(field.theirs)}): ${JSON.stringify(field)}`,
        );
      }
      seen.add(falseKey);
      resolvedCount += 1;
      const latest = cause >= 0 && cause === onPath.length - 1;
      const unchangedSince = row !== null && same(getAt(row.record, field.path), field.mine);
      if (latest && unchangedSince && resolvedCount % 3 === 0) {
        choices[field.path] = 'theirs';
        theirs.push({ path: field.path, value: field.theirs });
      } else choices[field.path] = 'mine';
    }
    const applyTheirs = () => {
      const target = expected.refs.get(key);
      for (const choice of theirs) {
        if (target) expected.choseTheirs(target.profile, target.ref, choice.path, choice.value);
      }
    };
    try {
      const result = await session.call('resolve', connectionId, conflict.key, choices);
      if (!result.ok) throw new Error(`resolve refused: ${JSON.stringify(result.errors)}`);
      applyTheirs();
      log(`resolved ${key}: ${JSON.stringify(choices)}`);
    } catch (error) {
      if (!(error instanceof LabCrash)) throw error;
      // Cut off by a kill: did the resolution commit before it?
      const still = await session.retrying('conflicts', connectionId);
      if (!still.some((c) => c.key === conflict.key)) applyTheirs();
    }
  }

  return {
    /** Flags and resolves every conflict the page shows now; answers the rows' keys. */
    async resolveAll(): Promise<string[]> {
      const resolved: string[] = [];
      for (const profile of Object.keys(connectionIds) as ProfileId[]) {
        const conflicts = await session.retrying('conflicts', connectionIds[profile]);
        for (const conflict of conflicts) {
          try {
            await resolveOne(profile, conflict);
            resolved.push(conflict.key);
          } catch (error) {
            if (!(error instanceof LabCrash)) throw error;
          }
        }
      }
      return resolved;
    },
  };
}
