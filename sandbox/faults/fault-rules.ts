// The fault rules the sandbox can inject, as data. The CLI spec string (fault-spec.ts) and the
// admin endpoint's JSON both end up as a list of these.
import { z } from 'zod';

const scope = {
  /** Only requests with this method (e.g. POST); any method when absent. */
  method: z
    .string()
    .regex(/^[A-Z]+$/, 'method must be an upper-case HTTP method')
    .optional(),
  /** Only paths starting with this prefix; when absent, the two APIs (/api/ and /r2/). */
  path: z.string().startsWith('/', 'path must start with "/"').optional(),
};
const probability = z.number().min(0).max(1);

export const faultRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503)]),
    probability,
    ...scope,
  }),
  /** The connection is reset before the request is processed. */
  z.object({ kind: z.literal('reset'), probability, ...scope }),
  /** The request is processed and committed, then the socket is destroyed instead of answering. */
  z.object({ kind: z.literal('lost'), probability, ...scope }),
  z
    .object({
      kind: z.literal('latency'),
      minMs: z.number().int().min(0),
      maxMs: z.number().int().min(0),
      ...scope,
    })
    .refine((rule) => rule.minMs <= rule.maxMs, 'latency minMs must not exceed maxMs'),
  /** The next `count` matching requests get 429 with `Retry-After`. */
  z.object({
    kind: z.literal('burst429'),
    count: z.number().int().min(1),
    retryAfterSeconds: z.number().int().min(0).default(1),
    ...scope,
  }),
  /** One-shot: every R2 access token issued so far stops working (refresh tokens still work). */
  z.object({ kind: z.literal('expire-tokens') }),
]);

export type FaultRule = z.input<typeof faultRuleSchema>;
export type ParsedFaultRule = z.output<typeof faultRuleSchema>;

export const faultRulesSchema = z.array(faultRuleSchema);
