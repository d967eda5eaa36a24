// One stderr line per connection after each round: what waits in the outbox and why, so a run
// that ends badly can be read back (which record waited, how often it was tried, what failed).
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
