import { expect, test } from 'vitest';
test('runs in a real browser with IndexedDB', () => {
  expect(typeof indexedDB.open).toBe('function');
});
