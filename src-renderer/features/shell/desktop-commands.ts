// What the desktop asks of the window: the application menu's commands (`menu.command`) and
// customer links (`customer.linkOpened`, or the one Fieldbook was launched with), carried out
// through the window's own navigation, connections and sync runner — exactly what a click does.
import type { MenuCommand } from '../../../src-shared/ipc/events';
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { CustomerLinkTarget } from '../../../src-shared/net/app-links';
import type { Navigation } from '../../lib/state/navigation.svelte';

export interface DesktopCommandTargets {
  readonly navigation: Navigation;
  readonly connections: {
    readonly active: { readonly id: string } | undefined;
    readonly connections: readonly { readonly id: string }[];
    select(id: string): Promise<void>;
  };
  readonly board: { syncNow(connectionId: string): void };
  /** File › Export…: the Customers screen's Export dialog opens when it is there. */
  readonly exports?: { request(): void };
}

/** Carries out one menu command. Print is the open editor's (it listens itself). */
export function runMenuCommand(command: MenuCommand, targets: DesktopCommandTargets): void {
  const { navigation, connections, board } = targets;
  switch (command) {
    case 'customer.new':
      navigation.newCustomer();
      return;
    case 'sync.now':
      if (connections.active) board.syncNow(connections.active.id);
      return;
    case 'go.customers':
      navigation.go('customers');
      return;
    case 'go.changes':
      navigation.go('changes');
      return;
    case 'go.settings':
      navigation.go('settings');
      return;
    case 'export':
      // Exporting is of the Customers screen's list: go there, and its Export dialog opens.
      navigation.go('customers');
      targets.exports?.request();
      return;
    case 'print':
      return;
  }
}

/** Opens a linked customer: its connection made active first (through the leave guard). */
export function openLinkedCustomer(
  target: CustomerLinkTarget,
  targets: DesktopCommandTargets,
): void {
  const { navigation, connections } = targets;
  if (!connections.connections.some((c) => c.id === target.connectionId)) return;
  if (connections.active?.id === target.connectionId) {
    navigation.open(target.customerKey);
    return;
  }
  navigation.leaveCustomer(() => {
    void connections.select(target.connectionId).then(() => {
      if (connections.active?.id === target.connectionId) navigation.open(target.customerKey);
    });
  });
}

/** Listens until the returned function is called. */
export function followDesktopEvents(
  api: Pick<FieldbookApi, 'on'>,
  targets: DesktopCommandTargets,
): () => void {
  const stops = [
    api.on('menu.command', ({ command }) => runMenuCommand(command, targets)),
    api.on('customer.linkOpened', (target) => openLinkedCustomer(target, targets)),
  ];
  return () => stops.forEach((stop) => stop());
}
