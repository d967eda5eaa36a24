// Renders a stored R2 customer as the by-ID shape: every key of the seed's payload, in the seed's
// order, `null` where the record has no value (the store keeps records sparse to save memory) —
// except `synchronizer2`, which the seed gives no empty value: a customer stored without one (a
// data file from before the default) reads as "Created in R2", as the list already counted it.
import {
  r2ContactSchema,
  r2CustomerSchema,
  r2DefaultSynchronizer2,
  type R2Contact,
  type R2Customer,
} from '../../src-shared/connectors/r2/api';

const customerKeys = Object.keys(r2CustomerSchema.shape) as (keyof R2Customer)[];
const contactKeys = Object.keys(r2ContactSchema.shape) as (keyof R2Contact)[];

function fill<T extends object>(value: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key as string] = value[key] ?? null;
  return out;
}

export function renderR2Customer(customer: R2Customer): Record<string, unknown> {
  const out = fill(customer, customerKeys);
  out.synchronizer2 = customer.synchronizer2 ?? r2DefaultSynchronizer2;
  out.contacts = (customer.contacts ?? []).map((contact) => fill(contact, contactKeys));
  out.udfs = customer.udfs ?? [];
  return out;
}
