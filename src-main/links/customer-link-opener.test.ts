// Links from the OS: only a well-formed link to a connection that exists here opens a customer;
// everything else is refused in words and opens nothing — checked over hostile strings too.
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { propertyParams } from '../../src-shared/sync/test-support/fc-params';
import { customerAppLink } from '../../src-shared/net/app-links';
import { createCustomerLinkOpener } from './customer-link-opener';

const existing = '3f2a9c1e-8b7d-4e21-9a0b-5c6d7e8f9a01';

function world() {
  const emit = vi.fn();
  const refuse = vi.fn();
  const opener = createCustomerLinkOpener({
    hasConnection: async (id) => id === existing,
    events: { emit },
    refuse,
  });
  return { opener, emit, refuse };
}

describe('customer link opener', () => {
  test('a link at launch waits for the window, then later links go as events', async () => {
    const { opener, emit, refuse } = world();
    await opener.open(customerAppLink(existing, '42')!);
    expect(emit).not.toHaveBeenCalled();
    expect(opener.takePending()).toEqual({ connectionId: existing, customerKey: '42' });
    expect(opener.takePending()).toBeNull();
    await opener.open(customerAppLink(existing, 'local-7')!);
    expect(emit).toHaveBeenCalledWith('customer.linkOpened', {
      connectionId: existing,
      customerKey: 'local-7',
    });
    expect(refuse).not.toHaveBeenCalled();
  });

  test('a link to a connection that is not here is refused in words', async () => {
    const { opener, emit, refuse } = world();
    opener.takePending();
    await opener.open(customerAppLink('another-connection', '42')!);
    expect(emit).not.toHaveBeenCalled();
    expect(refuse).toHaveBeenCalledWith(expect.stringContaining('not set up on this computer'));
  });

  test('a malformed or foreign link is refused in words', async () => {
    const { opener, emit, refuse } = world();
    opener.takePending();
    await opener.open(`fieldbook://customer/${existing}/42?delete=1`);
    await opener.open('https://evil.example/');
    expect(emit).not.toHaveBeenCalled();
    expect(refuse).toHaveBeenCalledTimes(2);
    expect(refuse.mock.calls[0]![0]).toContain('damaged');
    expect(refuse.mock.calls[1]![0]).toContain('not a Fieldbook customer link');
  });

  test('finds the link among the other words of a command line', () => {
    const { opener } = world();
    const link = customerAppLink(existing, '42')!;
    expect(opener.linkInArgv(['/opt/Fieldbook/fieldbook', '--no-sandbox', link])).toBe(link);
    expect(opener.linkInArgv(['/opt/Fieldbook/fieldbook', '.'])).toBeUndefined();
  });

  test('nothing but a well-formed link to an EXISTING connection opens anything', async () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.string({ maxLength: 80 }).map((rest) => `fieldbook://customer/${rest}`),
      fc.string({ maxLength: 40 }).map((rest) => `fieldbook://customer/${existing}/${rest}`),
      fc.string({ maxLength: 40 }).map((rest) => `fieldbook://customer/${rest}/42`),
      fc.webUrl(),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (raw) => {
        const { opener, emit, refuse } = world();
        opener.takePending();
        await opener.open(raw);
        // Exactly one of: announced, or refused in words.
        expect(emit.mock.calls.length + refuse.mock.calls.length).toBe(1);
        if (emit.mock.calls.length === 1) {
          const target = emit.mock.calls[0]![1] as { connectionId: string; customerKey: string };
          expect(target.connectionId).toBe(existing);
          expect(raw.toLowerCase().replace(/\/$/, '')).toBe(
            customerAppLink(target.connectionId, target.customerKey)!.toLowerCase(),
          );
        } else {
          expect(String(refuse.mock.calls[0]![0]).length).toBeGreaterThan(20);
        }
      }),
      propertyParams(500),
    );
  });
});
