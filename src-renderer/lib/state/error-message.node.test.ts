// One sentence per error for the screen: the field details once, and the retry hint.
import { expect, test } from 'vitest';
import { describeError } from './error-message';

test('a body whose message is its first field is not repeated', () => {
  const error = {
    kind: 'validation' as const,
    status: 400,
    message: 'name: A customer with this name already exists.',
    fields: { name: ['A customer with this name already exists.'] },
  };
  expect(describeError(error)).toBe('name: A customer with this name already exists.');
});

test('a general message keeps every field detail after it', () => {
  const error = {
    kind: 'validation' as const,
    message: 'The customer was not saved.',
    fields: { name: ['Too long.'], 'contact_person.email': ['Enter a valid email.'] },
  };
  expect(describeError(error)).toBe(
    'The customer was not saved. name: Too long. contact_person.email: Enter a valid email.',
  );
});

test('a rate limit says when Fieldbook tries again', () => {
  expect(
    describeError({ kind: 'rate_limited', message: 'Too many requests.', retryAfterMs: 2500 }),
  ).toBe('Too many requests. Fieldbook tries again in 3 s.');
});

test('anything thrown is worded by its message, or as itself when it has none', () => {
  expect(describeError(new Error('The disk is full.'))).toBe('The disk is full.');
  expect(describeError(new TypeError(''))).toBe('TypeError');
  expect(describeError('quota exceeded')).toBe('quota exceeded');
  expect(describeError({ reason: 'no kind' })).toBe('[object Object]');
});
