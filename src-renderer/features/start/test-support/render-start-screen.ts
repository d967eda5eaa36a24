// Renders the whole window (App.svelte, Svelte's mount in Chromium) against the in-memory
// window.fieldbook, for the start screen's own tests and the banner's: with no connection the
// window IS the start screen, and it gives way to the shell once one exists.
import { flushSync, mount, unmount } from 'svelte';
import App from '../../../App.svelte';
import {
  createFakeFieldbook,
  settle,
  type FakeHandlers,
} from '../../../lib/test-support/fake-fieldbook';

export async function renderStartScreen(handlers: FakeHandlers) {
  const fake = createFakeFieldbook({
    'revnue.customers.list': async () => ({ ok: true, value: [] }),
    'revnue.customers.listOpen': async () => ({ ok: true, value: { cursor: 'c-1' } }),
    'revnue.customers.listNext': async () => ({
      ok: true,
      value: { customers: [], done: true },
    }),
    ...handlers,
  });
  (window as unknown as { fieldbook: unknown }).fieldbook = fake.api;
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(App, { target });
  const dispose = () => void unmount(component);
  await settle();
  await settle();
  flushSync();
  return { fake, target, dispose };
}

/** The text a person reads: whitespace from the markup's line breaks collapsed. */
export function visibleText(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
