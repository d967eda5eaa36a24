// A connection is one account on one customer API (docs/architecture.md#the-two-connectors). These
// schemas are what main keeps in the user-data folder and what the renderer sees — never a secret.
import { z } from 'zod';
import { isAllowedApiUrl } from './net/loopback';

export const connectorKinds = ['revnue-v2', 'r2'] as const;
export const connectorKindSchema = z.enum(connectorKinds);
export type ConnectorKind = z.infer<typeof connectorKindSchema>;

/** https: anywhere, http: only on loopback (the sandbox, a local proxy). */
export const baseUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    try {
      new URL(value);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a full address such as https://api.example.com/',
      });
      return;
    }
    if (isAllowedApiUrl(value)) return;
    ctx.addIssue({
      code: 'custom',
      message:
        'The address must start with https:// (plain http:// is allowed only for this computer, 127.0.0.1)',
    });
  });

export const revnueAuthSettingsSchema = z.object({ mode: z.literal('admin_token') });

/** R2 endpoints come from RFC 8414 metadata at `issuer`, or are typed in by hand. */
export const r2AuthSettingsSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('pkce'),
    clientId: z.string().trim().min(1, 'Client ID is required'),
    issuer: baseUrlSchema.optional(),
    authorizationEndpoint: baseUrlSchema.optional(),
    tokenEndpoint: baseUrlSchema.optional(),
    scope: z.string().optional(),
  }),
  z.object({
    mode: z.literal('client_credentials'),
    clientId: z.string().trim().min(1, 'Client ID is required'),
    issuer: baseUrlSchema.optional(),
    tokenEndpoint: baseUrlSchema.optional(),
    scope: z.string().optional(),
  }),
]);
export type R2AuthSettings = z.infer<typeof r2AuthSettingsSchema>;

const connectionName = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(80, 'Name must be at most 80 characters');

export const newConnectionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('revnue-v2'),
    name: connectionName,
    baseUrl: baseUrlSchema,
    auth: revnueAuthSettingsSchema,
    /** Revnue company id; 1 for single-company accounts. */
    company: z.number().int().positive().default(1),
  }),
  z.object({
    kind: z.literal('r2'),
    name: connectionName,
    baseUrl: baseUrlSchema,
    auth: r2AuthSettingsSchema,
  }),
]);
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
