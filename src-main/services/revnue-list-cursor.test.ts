// Revnue's list through main's real router and services, against the sandbox over HTTP: the list
// in pages of at most 2,000 by cursor, the cursor bound to its window, and closed when its
// connection signs out or is deleted.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServicesWorld, type ServicesWorld } from './test-support/services-world';

let world: ServicesWorld;
beforeAll(async () => {
  world = await createServicesWorld({ sandbox: { customers: 60 } });
});
afterAll(async () => {
  await world.close();
});

const on = () => ({ connectionId: world.revnueId });

async function open(): Promise<string> {
  const opened = await world.call('revnue.customers.listOpen', on());
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value.cursor;
}

const gone = {
  ok: false,
  error: { kind: 'not_found', message: expect.stringMatching(/no longer open/) },
};

describe('revnue.customers.listOpen / listNext / listClose', () => {
  test('pages through the same customers the whole list has, then the cursor is gone', async () => {
    const whole = await world.call('revnue.customers.list', on());
    if (!whole.ok) throw new Error(whole.error.message);
    const cursor = await open();
    const ids: number[] = [];
    const sizes: number[] = [];
    for (;;) {
      const page = await world.call('revnue.customers.listNext', { ...on(), cursor, max: 7 });
      if (!page.ok) throw new Error(page.error.message);
      sizes.push(page.value.customers.length);
      ids.push(...page.value.customers.map((customer) => customer.id));
      if (page.value.done) break;
    }
    expect(ids).toEqual(whole.value.map((customer) => customer.id));
    expect(Math.max(...sizes)).toBe(7);
    expect(sizes.length).toBeGreaterThan(1);
    expect(await world.call('revnue.customers.listNext', { ...on(), cursor })).toEqual(gone);
  });

  test('more than 2,000 a page, or a made-up cursor, is refused in words', async () => {
    const cursor = await open();
    const tooMany = await world.call('revnue.customers.listNext', { ...on(), cursor, max: 2001 });
    expect(tooMany).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/At most 2000 customers/) },
    });
    expect(
      await world.call('revnue.customers.listNext', { ...on(), cursor: 'not-a-cursor' }),
    ).toEqual(gone);
    expect(await world.call('revnue.customers.listClose', { ...on(), cursor })).toEqual({
      ok: true,
      value: null,
    });
    expect(await world.call('revnue.customers.listNext', { ...on(), cursor })).toEqual(gone);
  });

  test('another window can neither read nor close the cursor', async () => {
    const cursor = await open();
    const stranger = { url: 'test://world/', window: 'another-window' };
    expect(
      await world.callFrom(stranger, 'revnue.customers.listNext', { ...on(), cursor }),
    ).toEqual(gone);
    await world.callFrom(stranger, 'revnue.customers.listClose', { ...on(), cursor });
    const mine = await world.call('revnue.customers.listNext', { ...on(), cursor, max: 1 });
    expect(mine.ok && mine.value.customers.length).toBe(1);
    await world.call('revnue.customers.listClose', { ...on(), cursor });
  });

  test("signing out closes the connection's cursors", async () => {
    const cursor = await open();
    const signedOut = await world.call('auth.signOut', on());
    expect(signedOut.ok).toBe(true);
    expect(await world.call('revnue.customers.listNext', { ...on(), cursor })).toEqual(gone);
    const back = await world.call('auth.setToken', { ...on(), token: world.sandbox.revnue.token });
    expect(back.ok && back.value.state).toBe('signed_in');
  });

  test('deleting the connection closes its cursors', async () => {
    const cursor = await open();
    const deleted = await world.call('connections.delete', { id: world.revnueId });
    expect(deleted.ok).toBe(true);
    expect(await world.call('revnue.customers.listNext', { ...on(), cursor })).toEqual(gone);
  });
});
