// Model-based test of the whole engine (docs/sync.md#the-sync-engine): random sequences of creates,
// edits, colleagues' edits, offline/online, faults (lost answers, 5xx, 429, 401, …), crashes that
// reopen the database, conflict resolutions and discards, checked against a reference model. After
// a final online settle with faults off: the server holds exactly the expected records and values,
// nothing was created twice, every concurrent edit was merged or flagged, the outbox is empty.
// Replay a failure with the seed, path and replayPath the report prints:
//   FC_SEED=<seed> FC_PATH="<path>" FC_REPLAY="<replayPath>" npx vitest run --project node <this file>
// (FC_RUNS=<n> runs fewer or more than the 1,000 runs.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../../../../src-shared/sync/test-support/fc-params';
import { EngineWorld } from '../test-support/engine-world';
import {
  cardConnector,
  revnueConnector,
  type CardLike,
  type WorldConnector,
} from '../test-support/fake-server-connectors';
import {
  modelFields,
  newModel,
  expectedValue,
  isConcurrent,
  track,
} from '../test-support/outbox-model';
import type { OutboxModel } from '../test-support/outbox-model';
import { outboxCommands, resolveConflicts } from '../test-support/outbox-model-commands';

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
const numRuns = Number(env?.FC_RUNS ?? 1000);
/** fc.commands shrinks by which commands ran: a replay needs their replayPath too. */
const replayPath = env?.FC_REPLAY;

type World = EngineWorld<CardLike>;

async function setup(
  connector: WorldConnector<CardLike>,
): Promise<{ model: OutboxModel; real: World }> {
  const model = newModel();
  const world = new EngineWorld<CardLike>({ connector, random: () => 0.5 });
  for (const name of ['Acme', 'Globex']) {
    world.server.seed(world.record({ name, phone: '0', city: 'Leeds' }));
    model.customers.push({
      name,
      createdKey: null,
      fields: { city: track('Leeds'), phone: track('0') },
      discarded: false,
    });
  }
  world.start();
  await world.settle();
  return { model, real: world };
}

/** Faults off, online, signed in; conflicts resolved with "mine" until none is left. */
async function settleEverything(model: OutboxModel, world: World): Promise<Set<string>> {
  world.server.clearFaults();
  world.setOnline(true);
  world.setAuth('signed_in');
  await world.quiet();
  const mustConflict = new Set<string>();
  for (const customer of model.customers) {
    for (const field of modelFields) {
      if (!customer.discarded && isConcurrent(customer.fields[field])) {
        mustConflict.add(`${customer.name}.${field}`);
      }
    }
  }
  for (let round = 0; round < 8; round += 1) {
    await world.settle();
    if ((await resolveConflicts(model, world, 'mine')) === 0) break;
  }
  world.runner.syncNow(); // one more pull, so this computer shows what the server holds
  await world.settle();
  return mustConflict;
}

const connectors = [cardConnector, revnueConnector] as unknown as WorldConnector<CardLike>[];

describe.each(connectors)('the engine against a reference model ($label)', (connector) => {
  it('loses nothing, duplicates nothing and overwrites no concurrent edit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(outboxCommands, {
          maxCommands: 12,
          ...(replayPath ? { replayPath } : {}),
        }),
        async (commands) => {
          const { model, real: world } = await setup(connector);
          try {
            await fc.asyncModelRun(() => Promise.resolve({ model, real: world }), commands);
            const mustConflict = await settleEverything(model, world);

            expect(await world.store.listOutbox(world.connectionId)).toEqual([]);
            const created = world.server.created.map((entry) => entry.record.name);
            expect(new Set(created).size).toBe(created.length);
            const onServer = world.server.records();
            const living = model.customers.filter((customer) => !customer.discarded);
            expect(onServer.map((entry) => entry.record.name).sort()).toEqual(
              living.map((customer) => customer.name).sort(),
            );
            for (const customer of living) {
              const entry = onServer.find((candidate) => candidate.record.name === customer.name)!;
              for (const field of modelFields) {
                expect(`${customer.name}.${field}=${entry.record[field]}`).toBe(
                  `${customer.name}.${field}=${expectedValue(customer.fields[field])}`,
                );
              }
              expect((await world.row(entry.id))?.record).toEqual(entry.record);
            }
            for (const key of mustConflict) expect(model.flagged).toContain(key);
          } finally {
            world.crash();
          }
        },
      ),
      propertyParams(numRuns),
    );
  }, 1_800_000);
});
