// CustomerLink for real in Chromium against the in-memory window.fieldbook: a plain website or
// address gets a button that sends main the RAW value (never a URL); anything main would not
// compose stays text; a refusal is shown in words.
import axe from 'axe-core';
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, expect, test } from 'vitest';
import {
  createFakeFieldbook,
  linksThatOpen,
  settle,
  type FakeHandlers,
} from '../test-support/fake-fieldbook';
import type { LinkKind } from './link-opener.svelte';
import LinkHost from './test-support/LinkHost.svelte';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.replaceChildren();
});

function render(kind: LinkKind, value: string, handlers: FakeHandlers = linksThatOpen().handlers) {
  const fake = createFakeFieldbook(handlers);
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(LinkHost, { target, props: { api: fake.api, kind, value } });
  flushSync();
  cleanup = () => void unmount(component);
  return { fake, target };
}

const buttons = (target: HTMLElement) => [...target.querySelectorAll('button')];
const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function click(button: HTMLButtonElement | undefined) {
  if (!button) throw new Error('no button');
  button.click();
  await settle();
  flushSync();
}

test.each([
  ['website', 'www.acme.example', 'Open website www.acme.example'],
  ['email', 'ann@acme.example', 'Write email ann@acme.example'],
] as const)('a plain %s gets a button that sends main the raw value', async (kind, value, name) => {
  const links = linksThatOpen();
  const { target, fake } = render(kind, `  ${value} `, links.handlers);
  expect(text(target.querySelector('.value'))).toBe(value);
  const [button] = buttons(target);
  expect(button?.getAttribute('aria-label')).toBe(name);
  expect(button?.textContent).toBe(kind === 'website' ? 'Open website' : 'Write email');

  await click(button);
  // The raw value as the record has it: main composes the https:/mailto: link, not the window.
  expect(fake.callsTo('links.open')).toEqual([{ kind, value: `  ${value} ` }]);
  expect(links.opened).toHaveLength(1);
  expect(target.querySelector('[role="alert"]')).toBeNull();
  const results = await axe.run(target);
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test.each([
  ['website', 'javascript:alert(1)'],
  ['website', 'file:///etc/passwd'],
  ['website', 'https://user:pw@acme.example'],
  ['website', 'https://раураl.com'],
  ['website', 'http://acme.example'],
  ['email', 'ann@acme.example?bcc=eve@evil.example'],
  ['email', 'ann%0abcc=eve@acme.example'],
  ['email', 'not an address'],
  ['website', ''],
] as const)('%s %j stays plain text with no button', (kind, value) => {
  const { target, fake } = render(kind, value);
  expect(buttons(target)).toEqual([]);
  expect(target.querySelector('a')).toBeNull();
  expect(text(target.querySelector('.value'))).toBe(value.trim());
  expect(fake.calls).toEqual([]);
});

test('when main refuses, the reason is shown in words and the value stays', async () => {
  const links = linksThatOpen('Fieldbook opens only plain secure web addresses.');
  const { target } = render('website', 'refuse-me.example', links.handlers);
  await click(buttons(target)[0]);
  expect(text(target.querySelector('[role="alert"]'))).toBe(links.refusal);
  expect(text(target.querySelector('.value'))).toBe('refuse-me.example');
  expect(buttons(target)[0]?.disabled).toBe(false);
});

test('a failure to start the mail program is shown too', async () => {
  const { target } = render('email', 'ann@acme.example', {
    'links.open': async () => ({
      ok: false,
      error: { kind: 'network', message: 'Fieldbook could not open your e-mail program.' },
    }),
  });
  await click(buttons(target)[0]);
  expect(text(target.querySelector('[role="alert"]'))).toBe(
    'Fieldbook could not open your e-mail program.',
  );
});
