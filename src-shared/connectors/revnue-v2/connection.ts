// A Revnue connection's settings: an admin token pasted once (kept in the keychain, never here) and
// the company the account's customers belong to.
import { z } from 'zod';
import { baseUrlSchema, connectionNameSchema } from '../../connection-parts';

export const revnueAuthSettingsSchema = z.object({ mode: z.literal('admin_token') });

export const revnueNewConnectionSchema = z.object({
  kind: z.literal('revnue-v2'),
  name: connectionNameSchema,
  baseUrl: baseUrlSchema,
  auth: revnueAuthSettingsSchema,
  /** Revnue company id; 1 for single-company accounts. */
  company: z.number().int().positive().default(1),
});
