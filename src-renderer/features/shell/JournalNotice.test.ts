// The start-up message about this computer's change journal, for real in Chromium: it says in
// words how many unsynced changes were restored (and what was wrong with the journal file), once,
// and goes when dismissed.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, expect, test } from 'vitest';
import { JournalNotice } from '../../lib/state/journal-notice.svelte';
import JournalNoticeView from './JournalNotice.svelte';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.replaceChildren();
});

function render(notice: JournalNotice) {
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(JournalNoticeView, { target, props: { notice } });
  flushSync();
  cleanup = () => void unmount(component);
  return target;
}

const status = (target: HTMLElement) =>
  target.querySelector<HTMLElement>('[role="status"][aria-label="Change journal"]');

test('nothing restored and nothing noticed: no message at all', () => {
  const notice = new JournalNotice();
  notice.report({ restored: 0, notices: [] });
  expect(status(render(notice))).toBeNull();
});

test('restored changes are counted over connections and said once, until dismissed', () => {
  const notice = new JournalNotice();
  const target = render(notice);
  notice.report({ restored: 2, notices: [] });
  notice.report({ restored: 1, notices: ['The change journal ended in a half-written change.'] });
  flushSync();
  expect(status(target)?.textContent).toContain(
    "Restored 3 unsynced changes from this computer's journal.",
  );
  expect(status(target)?.textContent).toContain('half-written change');
  target.querySelector('button')?.click();
  flushSync();
  expect(status(target)).toBeNull();
});

test('one change is one change, and a failed comparison is said in words', () => {
  const notice = new JournalNotice();
  const target = render(notice);
  notice.report({ restored: 1, notices: [] });
  notice.failed('the disk is full');
  flushSync();
  expect(status(target)?.textContent).toContain(
    "Restored 1 unsynced change from this computer's journal.",
  );
  expect(status(target)?.textContent).toContain(
    "could not compare this computer's changes with its journal: the disk is full",
  );
});
