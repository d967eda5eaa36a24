// The run's plan, fixed by the seed before anything starts: which operation comes when (creates,
// edits of created and of demo customers, on which API), which rounds are offline, and after
// which operations the browser or the harness is killed.
import { createRandom, deriveSeed, type Random } from '../../sandbox/random';
import type { LabEdit } from '../sync-lab/lab-api';
import type { ConnectorProfile, ProfileId } from './connector-profiles';
import type { RecordRef } from './expected-state';

export type PlannedOp =
  | {
      readonly index: number;
      readonly kind: 'create';
      readonly profile: ProfileId;
      readonly name: string;
      readonly fields: Record<string, unknown>;
    }
  | {
      readonly index: number;
      readonly kind: 'update';
      readonly profile: ProfileId;
      readonly ref: RecordRef;
      readonly edits: readonly LabEdit[];
    };

export interface WorkloadOptions {
  seed: number;
  ops: number;
  /** Per API: how many customers the run creates, and the demo customers' server ids it edits. */
  creates: Readonly<Record<ProfileId, number>>;
  demoIds: Readonly<Record<ProfileId, readonly string[]>>;
  /** Share of operations that go to R2 (600/min) rather than Revnue. */
  r2Share: number;
}

export function planWorkload(
  options: WorkloadOptions,
  profiles: Readonly<Record<ProfileId, ConnectorProfile>>,
): PlannedOp[] {
  const random = createRandom(deriveSeed(options.seed, 'workload'));
  const owners: ProfileId[] = Array.from({ length: options.ops }, () =>
    random.chance(options.r2Share) ? 'r2' : 'revnue',
  );
  const createAt = new Set<number>();
  for (const id of ['revnue', 'r2'] as const) {
    const indices = owners.flatMap((owner, index) => (owner === id ? [index] : []));
    // The first operation of each API is a create, the rest are spread at random.
    if (indices[0] !== undefined) createAt.add(indices[0]);
    for (const index of sample(random, indices.slice(1), options.creates[id] - 1))
      createAt.add(index);
  }

  const created: Record<ProfileId, string[]> = { revnue: [], r2: [] };
  return owners.map((id, index): PlannedOp => {
    const profile = profiles[id];
    if (createAt.has(index)) {
      const name = `FB ${options.seed} ${id.toUpperCase()} ${index} ${word(random)}`;
      created[id].push(name);
      return { index, kind: 'create', profile: id, name, fields: profile.newRecord(name, index) };
    }
    const demo = options.demoIds[id];
    const useCreated = created[id].length > 0 && (demo.length === 0 || random.chance(0.5));
    // A third of the edits go to a few "hot" customers the salesperson keeps coming back to, so
    // edits pile up behind waiting entries and colleagues meet them there.
    const hot = random.chance(0.3);
    const from = useCreated
      ? created[id].slice(0, hot ? 3 : undefined)
      : demo.slice(0, hot ? 4 : undefined);
    const ref: RecordRef = useCreated
      ? { created: random.pick(from) }
      : { demo: random.pick(from) };
    const paths = sample(random, profile.localPaths, random.chance(0.3) ? 2 : 1);
    const edits = paths.map((path) => ({ path, value: profile.value(path, index, 'me') }));
    return { index, kind: 'update', profile: id, ref, edits };
  });
}

export interface PlannedKill {
  readonly afterOp: number;
  /** `wipe`: Chromium killed and its IndexedDB deleted before it is reopened (a Chromium kill). */
  readonly target: 'chromium' | 'harness' | 'wipe';
  /** Fired this long after that operation started, so it lands mid-save or mid-sync. */
  readonly delayMs: number;
}

export function planKills(
  seed: number,
  ops: number,
  counts: { chromium: number; harness: number; wipe?: number },
): PlannedKill[] {
  const random = createRandom(deriveSeed(seed, 'kills'));
  const targets = shuffle(random, [
    // `wipe` of the Chromium kills also delete its IndexedDB before it is reopened.
    ...Array<'chromium'>(Math.max(0, counts.chromium - (counts.wipe ?? 0))).fill('chromium'),
    ...Array<'wipe'>(Math.min(counts.chromium, counts.wipe ?? 0)).fill('wipe'),
    ...Array<'harness'>(counts.harness).fill('harness'),
  ]);
  const slots = Array.from({ length: ops - 20 }, (_, index) => index + 10);
  const at = sample(random, slots, targets.length).sort((a, b) => a - b);
  return at.map((afterOp, index) => ({
    afterOp,
    target: targets[index] ?? 'chromium',
    delayMs: random.int(0, 400),
  }));
}

function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  return shuffle(random, items).slice(0, Math.max(0, count));
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const words = ['Alder', 'Birch', 'Cedar', 'Dune', 'Ember', 'Fjord', 'Grove', 'Heath', 'Inlet'];
const word = (random: Random) => random.pick(words);
