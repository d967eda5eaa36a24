// Navigation's leave guard: every way of leaving the open customer asks the guard; a refusal
// changes nothing until the guard calls `proceed`; without an open customer nothing is asked.
import { expect, test } from 'vitest';
import { Navigation } from './navigation.svelte';

function guarded() {
  const navigation = new Navigation();
  const held: (() => void)[] = [];
  const remove = navigation.setLeaveGuard((proceed) => {
    held.push(proceed);
    return false;
  });
  return { navigation, held, remove };
}

test('close, open, New customer and another screen wait for the guard', () => {
  const { navigation, held } = guarded();
  navigation.go('changes');
  expect(navigation.screen).toBe('changes'); // nothing open: nothing to ask
  navigation.open('7');
  expect(held).toHaveLength(0);
  const visit = navigation.visit;
  navigation.close();
  navigation.open('8');
  navigation.newCustomer();
  navigation.go('settings');
  expect(held).toHaveLength(4);
  expect(navigation.openCustomer).toEqual({ kind: 'existing', key: '7' });
  expect(navigation.screen).toBe('customers');
  held[1]!();
  expect(navigation.openCustomer).toEqual({ kind: 'existing', key: '8' });
  expect(navigation.visit).toBe(visit + 1);
  // Opening the customer already open is no leaving; a create's new key is no new visit.
  navigation.open('8');
  navigation.replaceOpen('9');
  expect(held).toHaveLength(4);
  expect(navigation.visit).toBe(visit + 1);
});

test('switching connection closes the customer through the guard, then switches', () => {
  const { navigation, held, remove } = guarded();
  const switched: string[] = [];
  navigation.leaveCustomer(() => switched.push('a'));
  expect(switched).toEqual(['a']);
  navigation.newCustomer();
  navigation.leaveCustomer(() => switched.push('b'));
  expect(switched).toEqual(['a']);
  held[0]!();
  expect(switched).toEqual(['a', 'b']);
  expect(navigation.openCustomer).toBeNull();
  // Without the guard (the editor closed) leaving is immediate.
  remove();
  navigation.newCustomer();
  navigation.close();
  expect(navigation.openCustomer).toBeNull();
});
