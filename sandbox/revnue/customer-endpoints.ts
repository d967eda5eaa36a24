// Revnue `customer` resource: list by company, read, create, full update (PUT) and delete.
import { revnueResponseFromRecord } from '../../src-shared/connectors/revnue-v2/api';
import { BodyError } from '../http/read-body';
import { json, noContent, type SandboxResponse } from '../http/respond';
import type { ApiRequest } from '../http/api-request';
import { detail, fieldErrors } from './drf-errors';
import type { RevnueState, StoredRevnueCustomer } from './revnue-state';
import { validateCustomerBody } from './validate-customer';

export interface CustomerContext {
  state: RevnueState;
  onChange: () => void;
}

export function customerResponse(state: RevnueState, customer: StoredRevnueCustomer) {
  return revnueResponseFromRecord(customer, state.lookups);
}

export function listCustomers({ state }: CustomerContext, request: ApiRequest): SandboxResponse {
  const company = companyParameter(state, request.query);
  if (typeof company !== 'number') return company;
  return { status: 200, chunks: jsonArrayChunks(state, company) };
}

/** The list as JSON text in chunks of 500 customers: Revnue has no paging, lists can be huge. */
function* jsonArrayChunks(state: RevnueState, company: number): Generator<string> {
  let batch: string[] = [];
  let first = true;
  yield '[';
  for (const customer of state.customers.values()) {
    if (customer.company !== company) continue;
    batch.push(JSON.stringify(customerResponse(state, customer)));
    if (batch.length === 500) {
      yield (first ? '' : ',') + batch.join(',');
      first = false;
      batch = [];
    }
  }
  if (batch.length > 0) yield (first ? '' : ',') + batch.join(',');
  yield ']';
}

export function readCustomer({ state }: CustomerContext, id: number): SandboxResponse {
  const customer = state.customers.get(id);
  return customer ? json(200, customerResponse(state, customer)) : detail(404, 'Not found.');
}

export async function createCustomer(
  context: CustomerContext,
  request: ApiRequest,
): Promise<SandboxResponse> {
  const { state } = context;
  const input = await readBody(request);
  if ('response' in input) return input.response;
  const result = validateCustomerBody(state, input.body);
  if (!result.ok) return fieldErrors(result.errors);
  const customer: StoredRevnueCustomer = { ...result.record, id: state.nextId };
  state.save(customer);
  context.onChange();
  return json(201, customerResponse(state, customer));
}

export async function updateCustomer(
  context: CustomerContext,
  request: ApiRequest,
  id: number,
): Promise<SandboxResponse> {
  const { state } = context;
  if (!state.customers.has(id)) return detail(404, 'Not found.');
  const input = await readBody(request);
  if ('response' in input) return input.response;
  const result = validateCustomerBody(state, input.body, id);
  if (!result.ok) return fieldErrors(result.errors);
  const customer: StoredRevnueCustomer = { ...result.record, id };
  state.save(customer);
  context.onChange();
  return json(200, customerResponse(state, customer));
}

export function deleteCustomer(context: CustomerContext, id: number): SandboxResponse {
  if (!context.state.delete(id)) return detail(404, 'Not found.');
  context.onChange();
  return noContent();
}

async function readBody(
  request: ApiRequest,
): Promise<{ body: unknown } | { response: SandboxResponse }> {
  try {
    return { body: await request.readJson() };
  } catch (error) {
    if (error instanceof BodyError) return { response: detail(400, error.message) };
    throw error;
  }
}

/** `?company=N`: required, and the company must be one of the account's. */
export function companyParameter(
  state: RevnueState,
  query: URLSearchParams,
): number | SandboxResponse {
  const text = query.get('company');
  if (text === null || text.trim() === '') {
    return fieldErrors({ company: ['This query parameter is required, e.g. ?company=1.'] });
  }
  const company = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!state.lookups.companies.some((candidate) => candidate.id === company)) {
    return fieldErrors({ company: [`Company ${text} does not exist in this account.`] });
  }
  return company;
}
