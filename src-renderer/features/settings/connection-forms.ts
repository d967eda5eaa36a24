// Every connector's "add a connection" form, in the order Settings shows them; a registered kind
// without a form does not compile (docs/architecture.md#adding-a-connector).
import type { ConnectorKind } from '../../../src-shared/connection';
import { registeredConnectors } from '../../../src-shared/connectors/registry';
import { r2SettingsForm } from '../../lib/sync/adapters/r2/settings';
import { revnueSettingsForm } from '../../lib/sync/adapters/revnue-v2/settings';
import type { SettingsFormEntry } from '../../lib/sync/adapters/settings-form-entry';

const formsByKind = {
  [revnueSettingsForm.kind]: revnueSettingsForm,
  [r2SettingsForm.kind]: r2SettingsForm,
} satisfies { [K in ConnectorKind]: SettingsFormEntry<K> };

export const connectionForms: readonly SettingsFormEntry<ConnectorKind>[] =
  registeredConnectors.map((c) => formsByKind[c.kind]);
