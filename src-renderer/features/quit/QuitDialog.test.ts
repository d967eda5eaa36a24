// The quit dialog for real in Chromium, over the fake window.fieldbook and a scripted sync runner:
// main's quit.requested with nothing waiting is answered "quit" at once; with changes waiting the
// dialog asks (three buttons, axe clean), and each button answers main as it says; "Sync now and
// quit" shows progress, quits when the outbox empties, or says what is left and quits keeping it.
import axe from 'axe-core';
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createFakeFieldbook,
  r2Connection,
  revnueConnection,
  settle,
} from '../../lib/test-support/fake-fieldbook';
import { idleStatus, scriptedRunner } from '../../lib/test-support/world-parts';
import QuitDialog from './QuitDialog.svelte';
import { QuitFlow } from './quit-flow.svelte';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  document.body.replaceChildren();
});

const connections = [revnueConnection(), r2Connection()];

function render(waiting: Record<string, number>, timing = { leftoverMs: 50, quietMs: 5_000 }) {
  const fake = createFakeFieldbook({
    'desktop.quitAnswer': async () => ({ ok: true, value: null }),
  });
  const sync = scriptedRunner((id) => idleStatus(id, { waiting: waiting[id] ?? 0 }));
  const flow = new QuitFlow({
    api: fake.api,
    connections: { connections },
    store: { countWaiting: async (id) => waiting[id] ?? 0 },
    runner: sync.runner,
    ...timing,
  });
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(QuitDialog, { target, props: { flow } });
  cleanup = () => {
    flow.dispose();
    void unmount(component);
  };
  const answers = () => fake.callsTo('desktop.quitAnswer');
  return { fake, sync, flow, answers };
}

const dialog = () => document.querySelector<HTMLDialogElement>('dialog[open]');
const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
function button(name: string): HTMLButtonElement {
  const found = [...(dialog()?.querySelectorAll('button') ?? [])].find((b) => text(b) === name);
  if (!found) throw new Error(`no button “${name}”`);
  return found;
}
async function ask(world: ReturnType<typeof render>, requestId = 'req-1') {
  world.fake.emit('quit.requested', { requestId, reason: 'close' });
  await settle();
  await settle();
  flushSync();
}
async function noAxeViolations() {
  const results = await axe.run(document.body);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

describe('the quit dialog', () => {
  test('nothing waiting: main hears "quit" at once and no dialog opens', async () => {
    const world = render({});
    await ask(world);
    expect(dialog()).toBeNull();
    expect(world.answers()).toEqual([{ requestId: 'req-1', answer: 'quit' }]);
  });

  test('changes waiting: it asks with exactly three buttons and the count, axe clean', async () => {
    const world = render({ 'rv-1': 2, 'r2-1': 1 });
    await ask(world);
    expect(text(dialog()!.querySelector('h2'))).toBe('Quit Fieldbook?');
    expect(text(dialog())).toContain('3 changes wait to sync.');
    expect([...dialog()!.querySelectorAll('button')].map(text)).toEqual([
      'Sync now and quit',
      'Quit — changes stay on this computer',
      'Cancel',
    ]);
    // Main stops its answer timer: a person is deciding.
    expect(world.answers()).toEqual([{ requestId: 'req-1', answer: 'asking' }]);
    await noAxeViolations();
  });

  test('"Cancel": the dialog closes, main hears cancel, nothing is synced', async () => {
    const world = render({ 'rv-1': 1 });
    await ask(world);
    button('Cancel').click();
    flushSync();
    expect(dialog()).toBeNull();
    expect(world.answers().at(-1)).toEqual({ requestId: 'req-1', answer: 'cancel' });
    expect(world.sync.syncNow).toEqual([]);
  });

  test('"Quit — changes stay on this computer": main hears quit, nothing is synced', async () => {
    const world = render({ 'rv-1': 1 });
    await ask(world);
    button('Quit — changes stay on this computer').click();
    flushSync();
    expect(dialog()).toBeNull();
    expect(world.answers().at(-1)).toEqual({ requestId: 'req-1', answer: 'quit' });
    expect(world.sync.syncNow).toEqual([]);
  });

  test('asked again while open (Quit pressed twice): it answers "asking" for the new request', async () => {
    const world = render({ 'rv-1': 1 });
    await ask(world, 'req-1');
    await ask(world, 'req-2');
    expect(world.answers()).toEqual([
      { requestId: 'req-1', answer: 'asking' },
      { requestId: 'req-2', answer: 'asking' },
    ]);
    button('Cancel').click();
    expect(world.answers().at(-1)).toEqual({ requestId: 'req-2', answer: 'cancel' });
  });
});

describe('"Sync now and quit"', () => {
  test('syncs the connections with changes, shows progress, and quits once none wait', async () => {
    const world = render({ 'rv-1': 2, 'r2-1': 1 });
    await ask(world);
    button('Sync now and quit').click();
    flushSync();
    expect(world.sync.syncNow.sort()).toEqual(['r2-1', 'rv-1']);
    expect(text(dialog()!.querySelector('[role="status"]'))).toBe(
      'Syncing… 3 changes left to send.',
    );
    await noAxeViolations();
    world.sync.announce(idleStatus('rv-1', { phase: 'pushing', waiting: 1 }));
    flushSync();
    expect(text(dialog()!.querySelector('[role="status"]'))).toBe(
      'Syncing… 2 changes left to send.',
    );
    expect(dialog()!.querySelector('progress')?.value).toBe(1);
    world.sync.announce(idleStatus('rv-1', { phase: 'idle', waiting: 0 }));
    world.sync.announce(idleStatus('r2-1', { phase: 'pushing', waiting: 0 }));
    flushSync();
    expect(dialog()).toBeNull();
    expect(world.answers().at(-1)).toEqual({ requestId: 'req-1', answer: 'quit' });
  });

  test('offline: it says what is left and why, then quits keeping them', async () => {
    const world = render({ 'rv-1': 2 });
    await ask(world);
    button('Sync now and quit').click();
    world.sync.announce(
      idleStatus('rv-1', { phase: 'paused', pauseReason: 'offline', waiting: 2 }),
    );
    flushSync();
    expect(text(dialog()!.querySelector('[role="alert"]'))).toBe(
      '2 changes could not be sent: this computer is offline. They stay on this computer and sync the next time Fieldbook can. Quitting…',
    );
    await noAxeViolations();
    await expect.poll(() => world.answers().at(-1)).toEqual({ requestId: 'req-1', answer: 'quit' });
    expect(dialog()).toBeNull();
  });

  test('a run that ends with conflicts left: what is left, then quit; Cancel still works', async () => {
    const world = render({ 'rv-1': 1 }, { leftoverMs: 60_000, quietMs: 5_000 });
    await ask(world);
    button('Sync now and quit').click();
    world.sync.announce(idleStatus('rv-1', { phase: 'pushing', waiting: 1 }));
    world.sync.announce(idleStatus('rv-1', { phase: 'idle', waiting: 1 }));
    flushSync();
    expect(text(dialog()!.querySelector('[role="alert"]'))).toContain(
      '1 change could not be sent: Sandbox – Revnue has changes that need you (see Changes).',
    );
    button('Cancel').click();
    flushSync();
    expect(dialog()).toBeNull();
    expect(world.answers().at(-1)).toEqual({ requestId: 'req-1', answer: 'cancel' });
  });

  test('a sync that goes quiet is not waited for forever', async () => {
    const world = render({ 'rv-1': 1 }, { leftoverMs: 10, quietMs: 100 });
    await ask(world);
    button('Sync now and quit').click();
    world.sync.announce(idleStatus('rv-1', { phase: 'pulling', waiting: 1 }));
    await expect.poll(() => world.answers().at(-1)).toEqual({ requestId: 'req-1', answer: 'quit' });
  });

  test('Cancel while syncing: main hears cancel and the dialog closes', async () => {
    const world = render({ 'rv-1': 4 });
    await ask(world);
    button('Sync now and quit').click();
    world.sync.announce(idleStatus('rv-1', { phase: 'pushing', waiting: 3 }));
    flushSync();
    button('Cancel').click();
    flushSync();
    expect(dialog()).toBeNull();
    expect(world.answers().at(-1)).toEqual({ requestId: 'req-1', answer: 'cancel' });
    // A later report changes nothing: the flow stopped listening.
    world.sync.announce(idleStatus('rv-1', { phase: 'idle', waiting: 0 }));
    expect(world.answers().filter((a) => (a as { answer: string }).answer === 'quit')).toEqual([]);
  });
});
