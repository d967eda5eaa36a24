import { expect, test } from 'vitest';
import { applyChanges } from '../../../src-shared/sync/apply';
import { renameChangePaths } from './rename-change-paths';

const rename = { from: 'contacts[localKey=local-1]', to: 'contacts[recordid=C-9]' };

test('a field of the renamed item moves to the item’s new path', () => {
  expect(
    renameChangePaths(
      [
        { path: 'contacts[localKey=local-1].emailaddr', value: 'new@x.example' },
        { path: 'contacts[localKey=local-1].address.city', value: 'York' },
      ],
      [rename],
    ),
  ).toEqual([
    { path: 'contacts[recordid=C-9].emailaddr', value: 'new@x.example' },
    { path: 'contacts[recordid=C-9].address.city', value: 'York' },
  ]);
});

test('changes elsewhere, and of other items, stay as they are', () => {
  const changes = [
    { path: 'phonenumber', value: '1' },
    { path: 'contacts[localKey=local-12].firstname', value: 'Not me' },
    { path: 'contacts[recordid=C-1].firstname', value: 'Old' },
  ];
  expect(renameChangePaths(changes, [rename])).toEqual(changes);
});

test('the item carried whole gets its new identity, so the renamed path still selects it', () => {
  const [moved] = renameChangePaths(
    [{ path: 'contacts[localKey=local-1]', value: { localKey: 'local-1', firstname: 'Nia' } }],
    [rename],
  );
  expect(moved).toEqual({
    path: 'contacts[recordid=C-9]',
    value: { localKey: 'local-1', recordid: 'C-9', firstname: 'Nia' },
  });
  const server = { contacts: [{ recordid: 'C-9', firstname: 'N.' }] };
  expect(applyChanges(server, [moved!])).toEqual({
    contacts: [{ localKey: 'local-1', recordid: 'C-9', firstname: 'Nia' }],
  });
});

test('a list carried whole gets the identity on the renamed item inside it', () => {
  const [moved] = renameChangePaths(
    [{ path: 'contacts', value: [{ localKey: 'local-1' }, { localKey: 'local-2' }] }],
    [rename],
  );
  expect(moved).toEqual({
    path: 'contacts',
    value: [{ localKey: 'local-1', recordid: 'C-9' }, { localKey: 'local-2' }],
  });
});

test('removing the item is renamed too (its value stays "removed")', () => {
  expect(
    renameChangePaths([{ path: 'contacts[localKey=local-1]', value: undefined }], [rename]),
  ).toEqual([{ path: 'contacts[recordid=C-9]', value: undefined }]);
});
