// What only R2 records have: contacts that get a client identity before the server gives them a
// recordid, and edits queued meanwhile that must follow the contact to its new id.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from '../../../../src-shared/connectors/r2/api';
import { r2Case } from './store-cases';
import { createStoreWorld, type StoreEnvironment, type StoreWorld } from './store-world';

export function r2ContactRules(environment: StoreEnvironment): void {
  describe('R2 contacts', () => {
    let world: StoreWorld<R2CustomerRecord>;
    const { descriptor } = r2Case;
    beforeEach(() => {
      world = createStoreWorld(environment, r2Case);
    });
    afterEach(() => world.dispose());

    test('a new contact is stored with a client identity', async () => {
      const server = await world.pulled('101');
      const added = { ...server, contacts: [...(server.contacts ?? []), { firstname: 'Ola' }] };
      await world.store.saveCustomer(descriptor, world.connectionId, '101', added);
      const stored = (await world.row('101')).record.contacts!.at(-1)!;
      expect(stored.localKey).toMatch(/^local-/);
      expect(await world.onlyEntry('101')).toMatchObject({
        changed: [{ path: `contacts[localKey=${stored.localKey}]`, value: stored }],
      });
    });

    test('an edit of a new contact made while its create was in flight follows the contact’s new id', async () => {
      const key = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        r2Case.newRecord('Fresh Ltd'),
      );
      const create = (await world.onlyEntry(key)).seq!;
      await world.store.markInFlight(create, 1_000);
      const sent = (await world.row(key)).record;
      const localKey = sent.contacts![0]!.localKey!;
      const edited = {
        ...sent,
        contacts: [{ ...sent.contacts![0]!, emailaddr: 'nia@moved.example' }],
      };
      await world.store.saveCustomer(descriptor, world.connectionId, key, edited);
      expect((await world.outbox())[1]!.changed).toEqual([
        { path: `contacts[localKey=${localKey}].emailaddr`, value: 'nia@moved.example' },
      ]);

      const created = r2Case.created(sent, '900');
      await world.store.completeCreate(descriptor, create, '900', created);
      const recordid = created.contacts![0]!.recordid!;
      expect((await world.onlyEntry('900')).changed).toEqual([
        { path: `contacts[recordid=${recordid}].emailaddr`, value: 'nia@moved.example' },
      ]);
      expect((await world.row('900')).record.contacts).toEqual([
        { ...created.contacts![0], emailaddr: 'nia@moved.example' },
      ]);
    });
  });
}
