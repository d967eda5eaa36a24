// Renders the real start screen (Svelte's mount in Chromium) against the in-memory
// window.fieldbook, for the start screen's own tests and the banner's.
import { flushSync, mount, unmount } from 'svelte';
import { ConnectionsState } from '../../../lib/state/connections.svelte';
import {
  createFakeFieldbook,
  settle,
  type FakeHandlers,
} from '../../../lib/test-support/fake-fieldbook';
import StartScreen from '../StartScreen.svelte';

export async function renderStartScreen(handlers: FakeHandlers) {
  const fake = createFakeFieldbook(handlers);
  const connections = new ConnectionsState(fake.api);
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(StartScreen, { target, props: { connections, api: fake.api } });
  const dispose = () => {
    connections.dispose();
    void unmount(component);
  };
  await connections.load();
  await settle();
  flushSync();
  return { fake, connections, target, dispose };
}

/** The text a person reads: whitespace from the markup's line breaks collapsed. */
export function visibleText(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
