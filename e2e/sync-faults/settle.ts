// The end of the run: faults are off, the page is online; sync until every outbox is empty,
// resolving the conflicts that still surface. Anything left waiting at the deadline is listed.
import type { ProfileId } from './connector-profiles';
import type { createConflictDesk } from './conflict-desk';
import type { LabSession } from './lab-session';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function settle(deps: {
  session: LabSession;
  connectionIds: Readonly<Record<ProfileId, string>>;
  desk: ReturnType<typeof createConflictDesk>;
  log: (line: string) => void;
  timeoutMs: number;
}): Promise<boolean> {
  const { session, connectionIds, desk, log } = deps;
  const deadline = Date.now() + deps.timeoutMs;
  await session.setOnline(true);
  for (;;) {
    await desk.resolveAll();
    const waiting = (
      await Promise.all(
        Object.values(connectionIds).map((id) => session.retrying('listOutbox', id)),
      )
    ).flat();
    const activity = await session.retrying('activity');
    const busy = activity.statuses.some((s) => s.phase !== 'idle');
    if (waiting.length === 0 && !busy && activity.inFlight === 0) return true;
    if (Date.now() > deadline) {
      log(`NOT SETTLED: ${waiting.length} outbox entries still waiting`);
      for (const entry of waiting) log(`  waiting: ${JSON.stringify(entry)}`);
      for (const status of activity.statuses) log(`  status: ${JSON.stringify(status)}`);
      return false;
    }
    // Nudge (a backoff timer may be minutes away in the app's timing) but never block on it.
    await Promise.race([session.retrying('syncNow').catch(() => {}), sleep(2_000)]);
    await sleep(500);
  }
}
