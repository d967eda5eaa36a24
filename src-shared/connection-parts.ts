// What every connection has whatever its API (docs/architecture.md#the-two-connectors): its name
// and base URL rules. Each connector's own settings (src-shared/connectors/<kind>/connection.ts)
// are built from these; connection.ts joins them into one schema.
import { z } from 'zod';
import { isAllowedApiUrl } from './net/loopback';

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

export const connectionNameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(80, 'Name must be at most 80 characters');
