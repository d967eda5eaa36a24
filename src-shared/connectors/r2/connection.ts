// An R2 connection's settings: OAuth in the browser (PKCE) or a service account (client
// credentials), with endpoints from RFC 8414 metadata or typed in.
import { z } from 'zod';
import { baseUrlSchema, connectionNameSchema } from '../../connection-parts';

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

export const r2NewConnectionSchema = z.object({
  kind: z.literal('r2'),
  name: connectionNameSchema,
  baseUrl: baseUrlSchema,
  auth: r2AuthSettingsSchema,
});
