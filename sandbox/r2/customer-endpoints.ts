// R2 `customers/{id}` and `POST customers`: validation with the shared write/patch schemas, the
// server-only rule that a non-empty `customerid` is unique, then the write (customer-writes.ts).
import type { z } from 'zod';
import {
  r2CustomerPatchSchema,
  r2CustomerWriteSchema,
  type R2Customer,
} from '../../src-shared/connectors/r2/api';
import type { ApiRequest } from '../http/api-request';
import { BodyError } from '../http/read-body';
import { json, type SandboxResponse } from '../http/respond';
import type { R2Principal } from '../oauth/bearer-auth';
import {
  createCustomer,
  patchCustomer,
  replaceCustomer,
  type WriteContext,
} from './customer-writes';
import { truncateToMinute } from './r2-dates';
import { r2Error, r2Errors, r2ErrorsFromZod } from './r2-errors';
import { renderR2Customer } from './r2-render';
import type { R2State } from './r2-state';

export interface R2CustomerContext {
  state: R2State;
  onChange: () => void;
  now: () => number;
}

export function readCustomer({ state }: R2CustomerContext, id: string): SandboxResponse {
  const stored = state.customers.get(id);
  return stored ? json(200, renderR2Customer(stored.customer)) : notFound(id);
}

export async function writeCustomer(
  context: R2CustomerContext,
  request: ApiRequest,
  principal: R2Principal,
  id?: string,
): Promise<SandboxResponse> {
  const { state } = context;
  const existing = id === undefined ? undefined : state.customers.get(id)?.customer;
  if (id !== undefined && !existing) return notFound(id);
  let input: unknown;
  try {
    input = await request.readJson();
  } catch (error) {
    if (error instanceof BodyError) return r2Error(400, error.message);
    throw error;
  }
  const schema: z.ZodType =
    request.method === 'PATCH' ? r2CustomerPatchSchema : r2CustomerWriteSchema;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return r2Errors(400, r2ErrorsFromZod(parsed.error));
  const now = truncateToMinute(context.now());
  const write: WriteContext = { state, principal, now };

  let customer: R2Customer;
  if (!existing) {
    customer = createCustomer(write, parsed.data as z.infer<typeof r2CustomerWriteSchema>);
  } else {
    const outcome =
      request.method === 'PATCH'
        ? patchCustomer(write, existing, parsed.data as z.infer<typeof r2CustomerPatchSchema>)
        : replaceCustomer(write, existing, parsed.data as z.infer<typeof r2CustomerWriteSchema>);
    if (!outcome.ok) return r2Errors(400, outcome.errors);
    customer = outcome.customer;
  }
  const owner = customer.customerid?.trim()
    ? state.recordIdForCustomerId(customer.customerid)
    : undefined;
  if (owner !== undefined && owner !== customer.recordid) {
    return r2Error(
      400,
      `Customer ID ${customer.customerid} is already used by customer ${owner}.`,
      'customerid',
    );
  }
  state.save({ customer, updatedAt: now });
  context.onChange();
  const body = renderR2Customer(customer);
  if (existing) return json(200, body);
  return json(201, body, { location: `/r2/customers/${customer.recordid}` });
}

function notFound(id: string): SandboxResponse {
  return r2Error(404, `Customer ${id} was not found.`);
}
