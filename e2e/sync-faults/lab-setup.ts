// The lab's start: harness, Chromium and page up, the two connections created and signed in
// through window.fieldbook, the runner started online and the first sync of both finished.
import type { Sandbox } from '../../sandbox/index';
import { r2Profile, revnueProfile, type ProfileId } from './connector-profiles';
import type { LabSession } from './lab-session';
import { waitFor } from './quiet';

export async function connectLab(
  session: LabSession,
  sandbox: Sandbox,
  log: (line: string) => void,
): Promise<Record<ProfileId, string>> {
  await session.open();
  const byName = await session.call('setupConnections', {
    revnue: {
      name: revnueProfile.connectionName,
      baseUrl: sandbox.revnue.baseUrl,
      company: sandbox.revnue.company,
      token: sandbox.revnue.token,
    },
    r2: {
      name: r2Profile.connectionName,
      baseUrl: sandbox.r2.baseUrl,
      tokenEndpoint: `${sandbox.r2.issuer}/oauth/token`,
      clientId: sandbox.r2.serviceClientId,
      clientSecret: sandbox.r2.serviceClientSecret,
    },
  });
  const connectionIds: Record<ProfileId, string> = {
    revnue: byName[revnueProfile.connectionName] ?? '',
    r2: byName[r2Profile.connectionName] ?? '',
  };
  await session.startLab(true);
  log(`lab started at ${session.harnessUrl.replace(/\?.*/, '')}; first sync…`);
  await waitFor(
    'the first sync of both connections',
    async () => {
      const { statuses } = await session.retrying('activity');
      return (
        statuses.length === 2 &&
        statuses.every((s) => s.lastSuccessAt !== null && s.phase === 'idle')
      );
    },
    120_000,
  );
  return connectionIds;
}
