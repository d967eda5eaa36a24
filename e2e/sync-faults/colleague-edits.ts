// One round of a colleague's server-side edits, made while the salesperson's page is offline and
// quiet (no call of ours on the wire): some on fields the salesperson just changed, to another
// value (must be FLAGGED), some on fields only the colleague touches (must be MERGED).
import type { Random } from '../../sandbox/random';
import type { ConnectorProfile, ProfileId } from './connector-profiles';
import type { Colleague } from './colleague';
import { refKey, type ExpectedState, type RecordRef } from './expected-state';
import type { Salesperson } from './salesperson';

export interface ColleagueRound {
  random: Random;
  profiles: Readonly<Record<ProfileId, ConnectorProfile>>;
  colleague: Colleague;
  salesperson: Salesperson;
  expected: ExpectedState;
  /** The salesperson's edits of this offline window (none of them can have been pushed yet). */
  recentEdits: { profile: ProfileId; ref: RecordRef; path: string; value: unknown }[];
  /** Every record the run knows, per API. */
  candidates: Readonly<Record<ProfileId, readonly RecordRef[]>>;
  perApi: { sameField: number; otherField: number };
  nextValue: () => number;
  log: (line: string) => void;
}

export async function colleagueRound(round: ColleagueRound): Promise<void> {
  const { random, profiles, colleague, salesperson, expected, log } = round;
  const edit = (profile: ProfileId, serverId: string, path: string, value: unknown) =>
    colleague[profile](serverId, path, value);

  for (const profile of Object.values(profiles)) {
    const serverIdOf = async (ref: RecordRef) =>
      (await salesperson.row(profile.id, ref))?.serverId ?? null;

    const sameField = shuffled(
      random,
      round.recentEdits.filter(
        (e) => e.profile === profile.id && profile.conflictPaths.includes(e.path),
      ),
    );
    let made = 0;
    for (const local of sameField) {
      if (made >= round.perApi.sameField) break;
      const serverId = await serverIdOf(local.ref);
      if (!serverId) continue; // its create has not reached the server: nothing to edit there
      const value = profile.value(local.path, round.nextValue(), 'colleague');
      await edit(profile.id, serverId, local.path, value);
      expected.sameField.push({
        profile: profile.id,
        ref: local.ref,
        serverId,
        path: local.path,
        colleagueValue: value,
        flagged: false,
      });
      expected.refs.set(refKey(profile.id, local.ref), { profile: profile.id, ref: local.ref });
      log(
        `colleague: ${refKey(profile.id, local.ref)} (${serverId}) ${local.path} = “${String(value)}” over local “${String(local.value)}”`,
      );
      made += 1;
    }

    made = 0;
    for (const ref of shuffled(random, round.candidates[profile.id])) {
      if (made >= round.perApi.otherField) break;
      const serverId = await serverIdOf(ref);
      if (!serverId) continue;
      const path = random.pick(profile.colleaguePaths);
      const value = profile.value(path, round.nextValue(), 'colleague');
      await edit(profile.id, serverId, path, value);
      expected.confirmColleague(profile.id, ref, path, value);
      log(
        `colleague: ${refKey(profile.id, ref)} (${serverId}) ${path} = “${String(value)}” (a field only colleagues edit)`,
      );
      made += 1;
    }
  }
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
