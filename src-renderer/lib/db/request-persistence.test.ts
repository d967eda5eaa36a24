import { expect, test } from 'vitest';
import { requestPersistence, type PersistentStorage } from './request-persistence';

const storage = (persist: () => Promise<boolean>, persisted?: () => Promise<boolean>) =>
  ({ persist, ...(persisted ? { persisted } : {}) }) as PersistentStorage;

test('reports granted, denied or unsupported, and never throws', async () => {
  expect(await requestPersistence(storage(async () => true))).toBe('granted');
  expect(await requestPersistence(storage(async () => false))).toBe('denied');
  expect(
    await requestPersistence(
      storage(async () => {
        throw new Error('The permission service is gone');
      }),
    ),
  ).toBe('denied');
  expect(await requestPersistence(null)).toBe('unsupported');
  expect(await requestPersistence({} as PersistentStorage)).toBe('unsupported');
});

test('does not ask again when the storage is already persistent', async () => {
  let asked = 0;
  const outcome = await requestPersistence(
    storage(
      async () => {
        asked += 1;
        return false;
      },
      async () => true,
    ),
  );
  expect(outcome).toBe('granted');
  expect(asked).toBe(0);
});

test('asks Chromium’s real Storage API and gets an answer', async () => {
  const outcome = await requestPersistence();
  expect(['granted', 'denied']).toContain(outcome);
  expect(outcome === 'granted').toBe(await navigator.storage.persisted());
});
