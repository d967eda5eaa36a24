// R2's Settings form, for the loop in features/settings/AddConnections.svelte.
import { r2Connector } from '../../../../../../src-shared/connectors/r2';
import type { SettingsFormEntry } from '../../settings-form-entry';
import AddR2Connection from './AddR2Connection.svelte';

export const r2SettingsForm = {
  kind: r2Connector.kind,
  addLabel: 'Add Unibiz R2 connection',
  Form: AddR2Connection,
} satisfies SettingsFormEntry<'r2'>;
