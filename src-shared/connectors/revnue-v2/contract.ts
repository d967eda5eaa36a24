// Revnue's part of the IPC contract (docs/architecture.md#the-ipc-contract-and-result-answers),
// spread into the contract by the connector registry. Channel names are contracts: keep them.
import { z } from 'zod';
import { baseUrlSchema } from '../../connection-parts';
import { onConnection, type Operation } from '../../ipc/contract-parts';
import {
  revnueCategorySchema,
  revnueCompanySchema,
  revnueCountrySchema,
  revnueCustomFieldTemplateSchema,
  revnueCustomerBodySchema,
  revnueCustomerResponseSchema,
} from './api';
import type { revnueChannels } from './channels';

const revnueId = z.number().int().positive('A Revnue customer id is a positive whole number');
/** What `revnue.customers.listOpen` answered: an opaque id, never anything the caller made up. */
const listCursor = z
  .string()
  .min(1, 'Open the list first')
  .max(64, 'This is not a list cursor Fieldbook gave out');

/** The most customers one `revnue.customers.listNext` answer carries (main answers 1,000 unless asked). */
export const REVNUE_LIST_PAGE_MAX = 2_000;

export const revnueContract = {
  /**
   * Settings, before a Revnue connection exists: main checks the pasted token against `baseUrl`
   * (GET company/) and answers the account's companies to pick from. Nothing is saved.
   */
  'auth.checkRevnueToken': {
    input: z.strictObject({
      baseUrl: baseUrlSchema,
      token: z.string().trim().min(1, 'Paste the API token'),
    }),
    output: z.array(revnueCompanySchema),
  },
  'revnue.customers.list': {
    input: onConnection({}),
    output: z.array(revnueCustomerResponseSchema),
  },
  /**
   * Revnue answers its whole list at once; main reads it off the wire a page at a time instead.
   * `listOpen` starts the read and answers a cursor for `listNext`, which answers the next
   * customers (at most 2,000) until `done`; `listClose` drops an abandoned read. A cursor belongs
   * to the window that opened it and closes when left unread for minutes, when its connection
   * signs out or is deleted, and after its last page or a failure.
   */
  'revnue.customers.listOpen': {
    input: onConnection({}),
    output: z.object({ cursor: listCursor }),
  },
  'revnue.customers.listNext': {
    input: onConnection({
      cursor: listCursor,
      max: z
        .number()
        .int()
        .min(1, 'Ask for at least one customer')
        .max(REVNUE_LIST_PAGE_MAX, `At most ${REVNUE_LIST_PAGE_MAX} customers come in one answer`)
        .optional(),
    }),
    output: z.object({
      customers: z.array(revnueCustomerResponseSchema).max(REVNUE_LIST_PAGE_MAX),
      done: z.boolean(),
    }),
  },
  'revnue.customers.listClose': {
    input: onConnection({ cursor: listCursor }),
    output: z.null(),
  },
  'revnue.customers.get': {
    input: onConnection({ id: revnueId }),
    output: revnueCustomerResponseSchema,
  },
  'revnue.customers.create': {
    input: onConnection({ body: revnueCustomerBodySchema }),
    output: revnueCustomerResponseSchema,
  },
  /** PUT: Revnue has no PATCH, so `body` is the whole merged record. */
  'revnue.customers.update': {
    input: onConnection({ id: revnueId, body: revnueCustomerBodySchema }),
    output: revnueCustomerResponseSchema,
  },
  /** After a create whose response was lost: `name` is unique per account. */
  'revnue.customers.findByName': {
    input: onConnection({ name: z.string().trim().min(1, 'Name is required') }),
    output: revnueCustomerResponseSchema.nullable(),
  },
  'revnue.lookups.companies': { input: onConnection({}), output: z.array(revnueCompanySchema) },
  'revnue.lookups.categories': { input: onConnection({}), output: z.array(revnueCategorySchema) },
  'revnue.lookups.countries': { input: onConnection({}), output: z.array(revnueCountrySchema) },
  'revnue.lookups.customFieldTemplates': {
    input: onConnection({}),
    output: z.array(revnueCustomFieldTemplateSchema),
  },
} satisfies Record<(typeof revnueChannels)[number], Operation>;
