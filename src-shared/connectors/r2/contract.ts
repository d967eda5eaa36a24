// R2's part of the IPC contract (docs/architecture.md#the-ipc-contract-and-result-answers),
// spread into the contract by the connector registry. Channel names are contracts: keep them.
import { z } from 'zod';
import { maxListedScopes, maxScopeLength, scopeTokenPattern } from '../../auth/oauth-scopes';
import { baseUrlSchema } from '../../connection-parts';
import { isoDateTime, onConnection, type Operation } from '../../ipc/contract-parts';
import {
  r2CustomerPatchSchema,
  r2CustomerSchema,
  r2CustomerWriteSchema,
  r2ListPageSchema,
} from './api';
import type { r2Channels } from './channels';

const r2Id = z.string().trim().min(1, 'An R2 customer id is required');
/** R2 list parameters that the adapter sets itself; a filter may not smuggle them in. */
const r2ReservedQueryNames = new Set(['page', 'pagesize', 'updatedsince']);
const r2FilterName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'A filter names an R2 field, e.g. companyname')
  .refine((name) => !r2ReservedQueryNames.has(name.toLowerCase()), {
    message: 'Paging and updatedSince are set by their own parameters, not as filters',
  });

export const r2Contract = {
  /**
   * Settings, before an R2 connection exists: main reads the RFC 8414 metadata under `issuer` and
   * answers the scopes it lists (`scopes_supported`, cleaned; empty when it lists none), so the
   * form can offer them instead of asking the user to type one. Nothing is saved.
   */
  'auth.offeredScopes': {
    input: z.strictObject({ issuer: baseUrlSchema }),
    output: z.object({
      scopes: z
        .array(z.string().max(maxScopeLength).regex(scopeTokenPattern, 'Not an OAuth scope'))
        .max(maxListedScopes),
    }),
  },
  'r2.customers.list': {
    input: onConnection({
      page: z.number().int().min(1, 'Pages start at 1').optional(),
      pageSize: z.number().int().min(1).max(500, 'R2 returns at most 500 rows a page').optional(),
      updatedSince: isoDateTime.optional(),
      filters: z.record(r2FilterName, z.string()).optional(),
    }),
    output: r2ListPageSchema,
  },
  'r2.customers.get': { input: onConnection({ id: r2Id }), output: r2CustomerSchema },
  /** The new id comes from the `Location` header of R2's 201. */
  'r2.customers.create': {
    input: onConnection({ body: r2CustomerWriteSchema }),
    output: z.object({ id: z.string().min(1), customer: r2CustomerSchema }),
  },
  'r2.customers.update': {
    input: onConnection({ id: r2Id, body: r2CustomerWriteSchema }),
    output: r2CustomerSchema,
  },
  /** Only the fields changed locally; null when R2 answers without a body. */
  'r2.customers.patch': {
    input: onConnection({ id: r2Id, body: r2CustomerPatchSchema }),
    output: r2CustomerSchema.nullable(),
  },
  /** After a create whose response was lost: `customerid`, else `companyname` + created-after. */
  'r2.customers.findByNaturalKey': {
    input: onConnection({
      customerid: z.string().trim().min(1).optional(),
      companyname: z.string().trim().min(1).optional(),
      createdAfter: isoDateTime.optional(),
    }).refine((key) => key.customerid !== undefined || key.companyname !== undefined, {
      message: 'Give a customer ID or a company name to look for',
    }),
    output: z.array(r2CustomerSchema),
  },
} satisfies Record<(typeof r2Channels)[number], Operation>;
