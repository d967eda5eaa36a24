// The auto-update decision without Electron: off by default, on only for an https feed on an
// installed build, and every refusal is one clear sentence that never echoes a password.
import { describe, expect, test } from 'vitest';
import { decideUpdatePolicy } from './update-policy';

const packaged = (feed?: string) =>
  decideUpdatePolicy({
    env: feed === undefined ? {} : { FIELDBOOK_UPDATE_FEED: feed },
    isPackaged: true,
  });

describe('decideUpdatePolicy', () => {
  test.each([undefined, '', '   '])('no feed (%j) → off, saying how to turn it on', (feed) => {
    const policy = packaged(feed);
    expect(policy.enabled).toBe(false);
    if (!policy.enabled)
      expect(policy.reason).toMatch(/^Auto-update is off: .*FIELDBOOK_UPDATE_FEED/);
  });

  test.each([
    ['https://updates.acme.example/fieldbook/', 'https://updates.acme.example/fieldbook/'],
    ['  https://updates.acme.example/fieldbook  ', 'https://updates.acme.example/fieldbook/'],
    ['HTTPS://Updates.Acme.example', 'https://updates.acme.example/'],
  ])('%j → on, generic feed %j, checked every 6 h', (feed, feedUrl) => {
    expect(packaged(feed)).toEqual({ enabled: true, feedUrl, checkEveryMs: 6 * 3_600_000 });
  });

  test.each([
    ['http://updates.acme.example/', /must be an https:\/\/ address \(it is http\)/],
    ['file:///srv/updates/', /must be an https:\/\/ address \(it is file\)/],
    ['ftp://updates.acme.example/', /https:\/\//],
    ['updates.acme.example/fieldbook', /not a web address/],
    ['https://it:hunter2@updates.acme.example/', /must not contain a user name or password/],
    ['https://updates.acme.example/?channel=beta', /without \?query or #fragment/],
  ])('%j → off with a clear reason', (feed, reason) => {
    const policy = packaged(feed);
    expect(policy.enabled).toBe(false);
    if (policy.enabled) return;
    expect(policy.reason).toMatch(reason);
    expect(policy.reason).not.toContain('hunter2');
  });

  test('a development run stays off even with a valid feed', () => {
    const policy = decideUpdatePolicy({
      env: { FIELDBOOK_UPDATE_FEED: 'https://updates.acme.example/' },
      isPackaged: false,
    });
    expect(policy).toEqual({
      enabled: false,
      reason: 'Auto-update is off: this is a development run, not an installed build.',
    });
  });

  test('an invalid feed is reported even on a development run, so IT sees it while testing', () => {
    const policy = decideUpdatePolicy({
      env: { FIELDBOOK_UPDATE_FEED: 'http://updates.acme.example/' },
      isPackaged: false,
    });
    expect(policy.enabled === false && policy.reason).toMatch(/https:\/\//);
  });
});
