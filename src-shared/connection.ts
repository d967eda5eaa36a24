// A connection is one account on one customer API (docs/architecture.md#the-two-connectors). These
// schemas are what main keeps in the user-data folder and what the renderer sees — never a secret.
import { z } from 'zod';
import { connectorConnectionSchemas, connectorKinds } from './connectors/registry';

export { connectorKinds };
export const connectorKindSchema = z.enum(connectorKinds);
export type ConnectorKind = z.infer<typeof connectorKindSchema>;
export { baseUrlSchema } from './connection-parts';
export { r2AuthSettingsSchema, type R2AuthSettings } from './connectors/r2/connection';
export { revnueAuthSettingsSchema } from './connectors/revnue-v2/connection';

export const newConnectionSchema = z.discriminatedUnion('kind', connectorConnectionSchemas);
export type NewConnection = z.input<typeof newConnectionSchema>;

export const connectionSchema = z.intersection(
  z.object({ id: z.string().min(1), createdAt: z.string() }),
  newConnectionSchema,
);
export type Connection = z.infer<typeof connectionSchema>;

export const authStateSchema = z.enum(['signed_in', 'signed_out', 'signing_in']);
export type AuthState = z.infer<typeof authStateSchema>;

/** What the renderer sees of a connection: its settings and whether it can sync, never a token. */
export const connectionViewSchema = z.intersection(
  connectionSchema,
  z.object({ authState: authStateSchema, active: z.boolean() }),
);
export type ConnectionView = z.infer<typeof connectionViewSchema>;
