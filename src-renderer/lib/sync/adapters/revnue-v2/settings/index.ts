// Revnue's Settings form, for the loop in features/settings/AddConnections.svelte.
import { revnueV2Connector } from '../../../../../../src-shared/connectors/revnue-v2';
import type { SettingsFormEntry } from '../../settings-form-entry';
import AddRevnueConnection from './AddRevnueConnection.svelte';

export const revnueSettingsForm = {
  kind: revnueV2Connector.kind,
  addLabel: 'Add Revnue connection',
  Form: AddRevnueConnection,
} satisfies SettingsFormEntry<'revnue-v2'>;
