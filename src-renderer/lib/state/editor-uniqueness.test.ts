// The editor's background uniqueness check: its answer reaches the messages, an answer about an
// older draft does not, and a check whose store read fails (the database closed as the editor
// went away) is nobody's unhandled rejection — the save's own check reports such errors.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors/revnue-v2/descriptor';
import { createManualClock } from '../../../src-shared/time/test-support/manual-clock';
import type { CustomerStore } from '../db/customer-store';
import { EditorUniqueness } from './editor-uniqueness.svelte';

const unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent) => {
  unhandled.push(event.reason);
  event.preventDefault();
};

afterEach(() => {
  window.removeEventListener('unhandledrejection', onUnhandled);
  unhandled.length = 0;
});

function uniqueness(findOtherCustomer: CustomerStore['findOtherCustomer'], draft: () => unknown) {
  const clock = createManualClock();
  const store = { findOtherCustomer } as unknown as CustomerStore;
  const checks = new EditorUniqueness({
    store,
    connection: { id: 'c1' },
    descriptor: revnueDescriptor as never,
    draft,
    key: () => null,
    delayMs: 250,
    clock,
  });
  return { checks, clock };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('EditorUniqueness', () => {
  it('shows the message once typing pauses and another customer has the name', async () => {
    const find = vi.fn(async () => ({ key: 'other' }) as never);
    const draft = { name: 'Harbor Ltd' };
    const { checks, clock } = uniqueness(find, () => draft);
    checks.schedule();
    expect(find).not.toHaveBeenCalled();
    clock.advance(250);
    await settle();
    expect(find).toHaveBeenCalledTimes(1);
    expect(Object.values(checks.messages).flat().length).toBe(1);
  });

  it('a scheduled check whose store read fails leaves no unhandled rejection', async () => {
    window.addEventListener('unhandledrejection', onUnhandled);
    const find = vi.fn(async () => {
      throw new Error('the local database was closed');
    });
    const { checks, clock } = uniqueness(find, () => ({ name: 'Harbor Ltd' }));
    checks.schedule();
    clock.advance(250);
    await settle();
    expect(find).toHaveBeenCalledTimes(1);
    expect(unhandled).toEqual([]);
    expect(checks.messages).toEqual({});
  });

  it('a check asked for directly (the save) still fails with the store error', async () => {
    const find = vi.fn(async () => {
      throw new Error('the local database was closed');
    });
    const { checks } = uniqueness(find, () => ({ name: 'Harbor Ltd' }));
    await expect(checks.check()).rejects.toThrow('the local database was closed');
  });
});
