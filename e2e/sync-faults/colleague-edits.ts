// One round of a colleague's server-side edits, made while the salesperson's page is offline and
// quiet (no call of ours on the wire): some on fields the salesperson just changed, to another
// value (must be FLAGGED), some on fields only the colleague touches (must be MERGED).
import type { Random } from '../../sandbox/random';
import { getAt } from '../../src-shared/sync/apply';
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
  /** The salesperson's edits of this offline window (some may have been pushed: see `waiting`). */
  recentEdits: { profile: ProfileId; ref: RecordRef; path: string; value: unknown }[];
  /** Per API and row key, the paths a waiting outbox entry changes (still unsent: can conflict). */
  waiting: Readonly<Record<ProfileId, ReadonlyMap<string, ReadonlySet<string>>>>;
  /** Per API and row key, the paths only an entry queued behind another one changes. */
  queuedBehind: Readonly<Record<ProfileId, ReadonlyMap<string, ReadonlySet<string>>>>;
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
  /** The run's name for a row with a server id: a record it created, else a demo customer. */
  const refOfRowKey = (profile: ProfileId, key: string): RecordRef | undefined => {
    for (const [ref, serverId] of salesperson.knownServerIds) {
      const known = expected.refs.get(ref);
      if (serverId === key && known?.profile === profile) return known.ref;
    }
    return round.candidates[profile].find((ref) => 'demo' in ref && ref.demo === key);
  };

  for (const profile of Object.values(profiles)) {
    const serverIdOf = async (ref: RecordRef) =>
      (await salesperson.row(profile.id, ref))?.serverId ?? null;

    const candidates: {
      local: (typeof round.recentEdits)[number];
      serverId: string;
      waits: boolean;
    }[] = [];
    for (const local of shuffled(random, round.recentEdits)) {
      if (local.profile !== profile.id || !profile.conflictPaths.includes(local.path)) continue;
      const row = await salesperson.row(profile.id, local.ref);
      // No server id: its create has not reached the server, there is nothing to edit there.
      // Not waiting: the value already reached the server (after a wiped store the catch-up goes
      // online for a pull and pushes too), so a colleague's change now would be a later edit.
      if (row?.serverId && round.waiting[profile.id].get(row.key)?.has(local.path))
        candidates.push({
          local,
          serverId: row.serverId,
          waits: round.queuedBehind[profile.id].get(row.key)?.has(local.path) ?? false,
        });
    }
    // Pending edits queued behind another entry also count (made while that one was in flight
    // or in conflict, earlier than this window): they are unsent too, we are offline and quiet.
    for (const [key, paths] of round.queuedBehind[profile.id]) {
      const ref = refOfRowKey(profile.id, key);
      if (!ref) continue;
      for (const path of paths) {
        if (!profile.conflictPaths.includes(path)) continue;
        if (candidates.some((c) => c.serverId === key && c.local.path === path)) continue;
        const row = await salesperson.row(profile.id, ref);
        if (row?.serverId !== key) continue;
        const value = getAt(row.record, path);
        candidates.push({
          local: { profile: profile.id, ref, path, value },
          serverId: key,
          waits: true,
        });
      }
    }
    // Records with an edit queued behind another entry first (one that was in flight or in
    // conflict when the edit was made): when the entry ahead completes, the one behind must not
    // take the colleague's value as its base — the easiest place to lose a colleague's change.
    candidates.sort((a, b) => Number(b.waits) - Number(a.waits));
    let made = 0;
    // One open same-field edit per field: a second one would supersede the first and could hide
    // that the first was overwritten without a conflict.
    const open = (ref: RecordRef, path: string) =>
      expected.sameField.some(
        (e) =>
          !e.flagged && e.path === path && refKey(e.profile, e.ref) === refKey(profile.id, ref),
      );
    for (const { local, serverId, waits } of candidates) {
      if (made >= round.perApi.sameField) break;
      if (open(local.ref, local.path)) continue;
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
        `colleague: ${refKey(profile.id, local.ref)} (${serverId}) ${local.path} = “${String(value)}” over local “${String(local.value)}”${waits ? ', queued behind another entry' : ''}`,
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
