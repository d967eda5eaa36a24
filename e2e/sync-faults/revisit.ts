// The salesperson comes back to a customer whose change waits in conflict and edits another of
// its fields: that edit becomes an entry of its own behind the conflicted one (a conflict never
// absorbs edits). A colleague then changes that same field — the case where the entry ahead,
// once resolved and sent, must not hand the colleague's value to the entry behind as its base.
import type { ConnectorProfile, ProfileId } from './connector-profiles';
import type { ExpectedState, RecordRef } from './expected-state';
import type { LabSession } from './lab-session';
import type { Salesperson } from './salesperson';

export async function revisitConflicts(deps: {
  session: LabSession;
  connectionIds: Readonly<Record<ProfileId, string>>;
  profiles: Readonly<Record<ProfileId, ConnectorProfile>>;
  salesperson: Salesperson;
  expected: ExpectedState;
  nextIndex: () => number;
  perApi: number;
}): Promise<void> {
  const { session, connectionIds, profiles, salesperson, expected } = deps;
  for (const profile of Object.values(profiles)) {
    const connectionId = connectionIds[profile.id];
    const entries = await session.retrying('listOutbox', connectionId);
    const conflicts = await session.retrying('conflicts', connectionId);
    let made = 0;
    for (const conflict of conflicts) {
      if (made >= deps.perApi || conflict.kind !== 'fields') continue;
      const touched = new Set(
        entries.filter((e) => e.recordKey === conflict.key).flatMap((e) => e.paths ?? []),
      );
      const path = profile.conflictPaths.find((candidate) => !touched.has(candidate));
      if (!path) continue;
      const ref: RecordRef = expected.created.get(profile.id)?.has(conflict.name)
        ? { created: conflict.name }
        : { demo: conflict.serverId ?? conflict.key };
      const index = deps.nextIndex();
      await salesperson.type({
        index,
        kind: 'update',
        profile: profile.id,
        ref,
        edits: [{ path, value: profile.value(path, index, 'me') }],
      });
      made += 1;
    }
  }
}
