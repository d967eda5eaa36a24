// Whether Fieldbook updates itself, decided before electron-updater is even loaded: off unless
// IT configured a feed (FIELDBOOK_UPDATE_FEED, an https:// address) on a packaged build.
// Plain Node on purpose, so the decision is tested without Electron.

/** The machine-wide setting IT sets (system environment, MDM, /etc/environment). */
export const updateFeedVariable = 'FIELDBOOK_UPDATE_FEED';

/** Hours between checks while the app stays open (a salesperson may never restart it). */
const checkEveryHours = 6;

export type UpdatePolicy =
  { enabled: false; reason: string } | { enabled: true; feedUrl: string; checkEveryMs: number };

export interface UpdatePolicyInput {
  env: Readonly<Record<string, string | undefined>>;
  /** Electron's `app.isPackaged`: a development run has nothing to update. */
  isPackaged: boolean;
}

export function decideUpdatePolicy({ env, isPackaged }: UpdatePolicyInput): UpdatePolicy {
  const raw = env[updateFeedVariable]?.trim() ?? '';
  if (raw === '') {
    return off(`no update feed is configured (${updateFeedVariable} is not set)`);
  }
  const checked = checkFeedUrl(raw);
  if (typeof checked !== 'string') return checked;
  if (!isPackaged) return off('this is a development run, not an installed build');
  return { enabled: true, feedUrl: checked, checkEveryMs: checkEveryHours * 60 * 60 * 1000 };
}

/** The feed as electron-updater's generic provider takes it, or why it is refused. */
function checkFeedUrl(raw: string): string | UpdatePolicy {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return off(
      `${updateFeedVariable} is not a web address; use https://updates.example.com/fieldbook/`,
    );
  }
  // Never echo the value itself: a feed URL with a password in it would end up in the log.
  if (url.username !== '' || url.password !== '') {
    return off(`${updateFeedVariable} must not contain a user name or password`);
  }
  if (url.protocol !== 'https:') {
    return off(
      `${updateFeedVariable} must be an https:// address (it is ${url.protocol.replace(':', '')}), ` +
        'so nobody on the network can hand Fieldbook a fake update',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    return off(`${updateFeedVariable} must be the feed's folder, without ?query or #fragment`);
  }
  // The generic provider resolves latest.yml against it: a folder needs its trailing slash.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function off(why: string): UpdatePolicy {
  return { enabled: false, reason: `Auto-update is off: ${why}.` };
}
