// The customers the run works on: demo customers the server lists AND the page has pulled, plus
// the ones the plan has created by a given point.
import { profiles, type ProfileId } from './connector-profiles';
import type { RecordRef } from './expected-state';
import type { LabSession } from './lab-session';
import type { ServerClient } from './server-client';
import type { PlannedOp } from './workload';

/** Demo customers both the server lists and the page has pulled (some R2 ones are never listed). */
export async function pickDemoIds(
  session: LabSession,
  client: ServerClient,
  connectionIds: Record<ProfileId, string>,
): Promise<Record<ProfileId, string[]>> {
  const wanted = { revnue: 12, r2: 25 };
  const picked: Record<ProfileId, string[]> = { revnue: [], r2: [] };
  for (const profile of profiles) {
    for (const record of await profile.readAll(client, new Set())) {
      if (picked[profile.id].length >= wanted[profile.id]) break;
      const row = await session.call('findRow', connectionIds[profile.id], {
        key: record.serverId,
      });
      if (row) picked[profile.id].push(record.serverId);
    }
  }
  return picked;
}

/** Every record the plan created before `upTo`, plus the demo customers. */
export function knownRefs(
  plan: readonly PlannedOp[],
  upTo: number,
  demoIds: Record<ProfileId, string[]>,
): Record<ProfileId, RecordRef[]> {
  const refs: Record<ProfileId, RecordRef[]> = {
    revnue: demoIds.revnue.map((demo) => ({ demo })),
    r2: demoIds.r2.map((demo) => ({ demo })),
  };
  for (const op of plan.slice(0, upTo))
    if (op.kind === 'create') refs[op.profile].push({ created: op.name });
  return refs;
}
