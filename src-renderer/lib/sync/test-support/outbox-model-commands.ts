// The commands of the model-based engine test: what a salesperson, a colleague, the network and
// the computer can do, each applied to the real system (EngineWorld) and to the reference model.
// Between commands nothing runs: every command that starts a run waits until it is over.
import fc from 'fast-check';
import type { EngineWorld as AnyEngineWorld } from './engine-world';
import type { CardLike } from './fake-server-connectors';
import type { FaultKind, ServerOperation } from './fake-server';
import {
  modelFields,
  pick,
  track,
  uniqueValue,
  type ModelCustomer,
  type ModelField,
  type OutboxModel,
} from './outbox-model';

/** The model test runs on any connector whose records have a name, a city and a phone. */
export type EngineWorld = AnyEngineWorld<CardLike>;
type Command = fc.AsyncCommand<OutboxModel, EngineWorld>;

const living = (model: OutboxModel) => model.customers.filter((customer) => !customer.discarded);

/** Where the customer lives on this computer now (its key changes once the server has it). */
async function localKeyOf(world: EngineWorld, customer: ModelCustomer) {
  const onServer = world.server.records().find((entry) => entry.record.name === customer.name);
  if (onServer && (await world.row(onServer.id))) return onServer.id;
  if (customer.createdKey && (await world.row(customer.createdKey))) return customer.createdKey;
  return undefined;
}

function command(
  label: string,
  run: (model: OutboxModel, world: EngineWorld) => Promise<void>,
): Command {
  return { check: () => true, run, toString: () => label };
}

const create = () =>
  command('create', async (model, world) => {
    const name = `N${(model.counter += 1)}`;
    const city = uniqueValue(model, 'city');
    const createdKey = await world.create({ name, city });
    model.customers.push({
      name,
      createdKey,
      fields: { city: track(city), phone: track('') },
      discarded: false,
    });
  });

const edit = (index: number, field: ModelField) =>
  command(`edit #${index} ${field}`, async (model, world) => {
    const customer = pick(living(model), index);
    const key = customer && (await localKeyOf(world, customer));
    const row = key === undefined ? undefined : await world.row(key);
    // A record in conflict waits for the resolver; the editor does not offer more edits then.
    if (!customer || !key || !row || row.syncState === 'conflict') return;
    const tracked = customer.fields[field];
    if (tracked.theirs !== undefined && row.record[field] === tracked.theirs) {
      // The colleague's value is on screen: this edit comes after it, it is not concurrent.
      tracked.agreed = tracked.theirs;
      tracked.theirs = undefined;
    }
    const value = uniqueValue(model, field);
    await world.edit(key, { [field]: value });
    tracked.mine = value;
  });

const colleagueEdits = (index: number, field: ModelField) =>
  command(`colleague edits #${index} ${field}`, async (model, world) => {
    const customer = pick(living(model), index);
    const onServer = world.server.records().find((entry) => entry.record.name === customer?.name);
    // Only records this computer knows by their server id (see the README: a colleague's edit
    // inside the window of a lost create is adopted as the new base, not merged).
    if (!customer || !onServer || !(await world.row(onServer.id))) return;
    const tracked = customer.fields[field];
    if (tracked.mine !== undefined && onServer.record[field] === tracked.mine) {
      // The salesperson's value reached the server first: the colleague overwrites it knowingly.
      tracked.agreed = tracked.mine;
      tracked.mine = undefined;
    }
    const value = uniqueValue(model, field);
    world.server.edit(onServer.id, [{ path: field, value }]);
    tracked.theirs = value;
  });

const setOnline = (online: boolean) =>
  command(online ? 'online' : 'offline', async (_model, world) => {
    world.setOnline(online);
    await world.quiet();
  });

const fault = (
  kind: FaultKind | 'server-after-commit',
  op: ServerOperation | undefined,
  times: number,
  retryAfterMs: number,
) =>
  command(`fault ${kind}@${op ?? 'any'}×${times}`, async (_model, world) => {
    world.server.fault({
      kind: kind === 'server-after-commit' ? 'server' : kind,
      commitFirst: kind === 'server-after-commit',
      times,
      retryAfterMs,
      ...(op === undefined ? {} : { op }),
    });
  });

const tick = (steps: number, stepMs: number) =>
  command(`tick ${steps}×${stepMs}ms`, async (_model, world) => {
    for (let step = 0; step < steps; step += 1) {
      world.clock.advance(stepMs);
      await world.quiet();
    }
  });

const syncNow = () =>
  command('sync now', async (_model, world) => {
    world.runner.syncNow();
    await world.quiet();
  });

const signIn = () =>
  command('sign in', async (_model, world) => {
    world.setAuth('signed_in');
    await world.quiet();
  });

const crash = (afterRequests: number, commit: boolean) =>
  command(`crash at request ${afterRequests} (committed: ${commit})`, async (_model, world) => {
    let crashed = false;
    const armed = world.adapter.armCrash(afterRequests, commit).then(() => (crashed = true));
    world.runner.syncNow();
    for (let step = 0; step < 10 && !crashed; step += 1) {
      await Promise.race([armed, world.quiet()]);
      if (!crashed) world.clock.advance(1_000);
    }
    world.crash();
    world.restart();
    await world.quiet();
  });

/** The salesperson settles every conflict shown, all with the same choice. */
export async function resolveConflicts(
  model: OutboxModel,
  world: EngineWorld,
  choice: 'mine' | 'theirs',
): Promise<number> {
  let resolved = 0;
  for (const entry of await world.store.listOutbox<CardLike>(world.connectionId)) {
    if (entry.state !== 'conflict' || entry.conflict?.kind !== 'fields') continue;
    const row = await world.row(entry.recordKey);
    const customer = model.customers.find((candidate) => candidate.name === row?.record.name);
    if (!customer)
      throw new Error(`A conflict on a customer the model does not know: ${entry.recordKey}`);
    const paths = entry.conflict.conflicts.map((conflict) => conflict.path);
    const choices = Object.fromEntries(paths.map((path) => [path, choice]));
    const answer = await world.store.resolveConflict(
      world.descriptor,
      world.connectionId,
      entry.recordKey,
      choices,
      {},
    );
    if (!answer.ok)
      throw new Error(`Resolving ${paths.join(', ')} failed: ${JSON.stringify(answer.errors)}`);
    for (const path of paths) {
      const field = path as ModelField;
      model.flagged.add(`${customer.name}.${field}`);
      if (choice === 'mine') customer.fields[field].theirs = undefined;
      else customer.fields[field].mine = undefined;
    }
    resolved += 1;
  }
  return resolved;
}

const resolve = (choice: 'mine' | 'theirs') =>
  command(`resolve conflicts: ${choice}`, async (model, world) => {
    await resolveConflicts(model, world, choice);
  });

/** Discard is offered for changes never sent (a sent one may already be on the server). */
const discard = (index: number) =>
  command(`discard #${index}`, async (model, world) => {
    const customer = pick(living(model), index);
    const key = customer && (await localKeyOf(world, customer));
    if (!customer || !key) return;
    const entries = (await world.store.listOutbox(world.connectionId)).filter(
      (entry) => entry.recordKey === key,
    );
    if (entries.length === 0 || entries.some((entry) => entry.firstAttemptAt !== null)) return;
    await world.store.discardChanges(world.connectionId, key);
    if (entries.some((entry) => entry.kind === 'create')) {
      customer.discarded = true;
      return;
    }
    // Every earlier change of the record is on the server (none is left in the outbox): what it
    // holds now is what the salesperson gets back.
    const onServer = world.server.record(key);
    for (const field of modelFields) {
      customer.fields[field].mine = undefined;
      if (onServer) customer.fields[field].agreed = onServer[field];
    }
  });

const field = fc.constantFrom<ModelField>(...modelFields);
const index = fc.nat(20);
const faultKind = fc.constantFrom<FaultKind | 'server-after-commit'>(
  'lost',
  'server',
  'server-after-commit',
  'rate_limited',
  'network',
  'bad_response',
  'conflict',
  'auth',
);
const operation = fc.constantFrom<ServerOperation | undefined>(
  'create',
  'update',
  'get',
  'list',
  'find',
  undefined,
);

export const outboxCommands = [
  fc.constant(null).map(create),
  fc.tuple(index, field).map(([at, name]) => edit(at, name)),
  fc.tuple(index, field).map(([at, name]) => colleagueEdits(at, name)),
  fc.boolean().map(setOnline),
  fc
    .tuple(
      faultKind,
      operation,
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 90_000 }),
    )
    .map(([kind, op, times, retryAfterMs]) => fault(kind, op, times, retryAfterMs)),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 100, max: 20_000 }))
    .map(([steps, stepMs]) => tick(steps, stepMs)),
  fc.constant(null).map(syncNow),
  fc.constant(null).map(signIn),
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([at, commit]) => crash(at, commit)),
  fc.constantFrom<'mine' | 'theirs'>('mine', 'theirs').map(resolve),
  index.map(discard),
];
