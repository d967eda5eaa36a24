// Views of the page's outboxes: one stderr line per connection after each round (what waits and
// why, so a run that ends badly can be read back), and which fields wait behind another entry.
import type { ProfileId } from './connector-profiles';
import type { ExpectedState } from './expected-state';
import type { LabSession } from './lab-session';
import type { Salesperson } from './salesperson';
import { refKey } from './expected-state';

export async function reportBacklog(deps: {
  session: LabSession;
  connectionIds: Readonly<Record<ProfileId, string>>;
  expected: ExpectedState;
  salesperson: Salesperson;
  log: (line: string) => void;
}): Promise<void> {
  const { session, connectionIds, expected, salesperson, log } = deps;
  for (const [profile, connectionId] of Object.entries(connectionIds) as [ProfileId, string][]) {
    const entries = await session.retrying('listOutbox', connectionId);
    const byState = new Map<string, number>();
    for (const entry of entries) byState.set(entry.state, (byState.get(entry.state) ?? 0) + 1);
    const states = [...byState].map(([state, count]) => `${state}=${count}`).join(' ');
    const mostTried = Math.max(0, ...entries.map((entry) => entry.attempts));
    log(
      `backlog ${profile}: ${entries.length} entries (${states || 'none'}), most attempts ${mostTried}`,
    );
    // Colleague edits still waiting for their conflict: what their record's entries say.
    for (const edit of expected.sameField) {
      if (edit.flagged || edit.profile !== profile) continue;
      const key = salesperson.knownServerIds.get(refKey(profile, edit.ref)) ?? edit.serverId;
      const own = entries.filter((entry) => entry.recordKey === key);
      log(`  unflagged ${refKey(profile, edit.ref)} ${edit.path}: ${JSON.stringify(own)}`);
    }
  }
}

/**
 * Per API and row key, every path a waiting entry (not yet taken by the server) changes; '' for a
 * create. A colleague's same-field edit only tests conflict detection over a value still waiting:
 * an edit the page already pushed (e.g. the catch-up after a wiped store goes online) is on the
 * server, and a colleague changing it afterwards is an ordinary later edit, not a conflict.
 */
export async function pathsWaiting(
  session: LabSession,
  connectionIds: Readonly<Record<ProfileId, string>>,
): Promise<Record<ProfileId, Map<string, Set<string>>>> {
  const result: Record<ProfileId, Map<string, Set<string>>> = { revnue: new Map(), r2: new Map() };
  for (const [profile, connectionId] of Object.entries(connectionIds) as [ProfileId, string][]) {
    const waiting = result[profile];
    for (const entry of await session.retrying('listOutbox', connectionId)) {
      const paths = waiting.get(entry.recordKey) ?? new Set<string>();
      for (const path of entry.paths ?? ['']) paths.add(path);
      waiting.set(entry.recordKey, paths);
    }
  }
  return result;
}

/**
 * Per API and row key, the paths only a LATER entry changes (an edit queued behind an entry that
 * was in flight or in conflict when it was made, and that does not touch those paths itself).
 */
export async function pathsQueuedBehind(
  session: LabSession,
  connectionIds: Readonly<Record<ProfileId, string>>,
): Promise<Record<ProfileId, Map<string, Set<string>>>> {
  const result: Record<ProfileId, Map<string, Set<string>>> = { revnue: new Map(), r2: new Map() };
  for (const [profile, connectionId] of Object.entries(connectionIds) as [ProfileId, string][]) {
    const behind = result[profile];
    const ahead = new Map<string, Set<string>>();
    for (const entry of await session.retrying('listOutbox', connectionId)) {
      const earlier = ahead.get(entry.recordKey);
      if (earlier && !earlier.has('')) {
        const only = behind.get(entry.recordKey) ?? new Set<string>();
        for (const path of entry.paths ?? []) if (!earlier.has(path)) only.add(path);
        behind.set(entry.recordKey, only);
      }
      // A create carries every field ('' = the whole record): nothing behind it is "only later".
      const seen = earlier ?? new Set<string>();
      for (const path of entry.paths ?? ['']) seen.add(path);
      ahead.set(entry.recordKey, seen);
    }
  }
  return result;
}
