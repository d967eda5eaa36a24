// What a connector folder's settings/ exports for Settings: the button that opens its form (its
// words are an accessible-name contract) and the form, which calls `onclose` when done.
import type { Component } from 'svelte';
import type { ConnectorKind } from '../../../../src-shared/connection';

export interface SettingsFormEntry<K extends ConnectorKind> {
  readonly kind: K;
  readonly addLabel: string;
  readonly Form: Component<{ onclose: () => void }>;
}
