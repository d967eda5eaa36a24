// How R2 applies a POST, PUT or PATCH to a stored customer. The server owns `recordid`s and the
// audit fields; contacts are matched by `recordid` (PUT: contacts left out are removed; PATCH:
// they are kept, and contacts without a `recordid` are added). PATCH follows our R2 convention
// (JSON Merge Patch, RFC 7386, plus the contact rule; see `mergeFields`): '' is stored as the
// cleared text it is. A customer always has a `synchronizer2`: "Created in R2" unless one was
// sent. Records are never mutated in place — demo contacts may share address objects with their
// customer.
import type {
  R2Contact,
  R2ContactWrite,
  R2Customer,
  R2CustomerPatch,
  R2CustomerWrite,
} from '../../src-shared/connectors/r2/api';
import {
  r2AddressBlocks,
  r2AuditKeys,
  r2DefaultSynchronizer2,
} from '../../src-shared/connectors/r2/api';
import type { R2Principal } from '../oauth/bearer-auth';
import { formatR2DateTime } from './r2-dates';
import type { R2FieldError } from './r2-errors';
import type { R2State } from './r2-state';
import { stableJson } from './stable-json';

export interface WriteContext {
  state: R2State;
  principal: Pick<R2Principal, 'id' | 'name'>;
  /** Whole minutes, epoch ms. */
  now: number;
}

type Outcome = { ok: true; customer: R2Customer } | { ok: false; errors: R2FieldError[] };

function created(context: WriteContext) {
  const date = formatR2DateTime(context.now);
  const { id, name } = context.principal;
  return { createdbyid: id, createdbyname: name, createddate: date, ...updated(context) };
}

function updated(context: WriteContext) {
  const { id, name } = context.principal;
  return { updatedbyid: id, updatedbyname: name, updateddate: formatR2DateTime(context.now) };
}

function newContact(context: WriteContext, body: Partial<R2ContactWrite>): R2Contact {
  const { recordid: _ignored, ...fields } = body;
  return { ...fields, recordid: context.state.newContactRecordId(), ...created(context) };
}

export function createCustomer(context: WriteContext, body: R2CustomerWrite): R2Customer {
  const { recordid: _ignored, contacts, ...fields } = body;
  return {
    ...fields,
    synchronizer2: fields.synchronizer2 ?? r2DefaultSynchronizer2,
    recordid: context.state.newRecordId(),
    contacts: (contacts ?? []).map((contact) => newContact(context, contact)),
    ...created(context),
  };
}

export function replaceCustomer(
  context: WriteContext,
  existing: R2Customer,
  body: R2CustomerWrite,
): Outcome {
  const { recordid, contacts = [], ...fields } = body;
  const errors = recordIdErrors(existing, recordid);
  const next: R2Contact[] = [];
  (contacts ?? []).forEach((contact, index) => {
    if (contact.recordid === undefined) return next.push(newContact(context, contact));
    const old = existing.contacts?.find((candidate) => candidate.recordid === contact.recordid);
    if (!old) return errors.push(unknownContact(index, contact.recordid));
    const replaced: R2Contact = { ...contact, recordid: old.recordid, ...auditOf(old) };
    next.push(sameContent(old, replaced) ? old : { ...replaced, ...updated(context) });
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    customer: {
      ...fields,
      // A full replace: left out means "not chosen", and that is the server's default.
      synchronizer2: fields.synchronizer2 ?? r2DefaultSynchronizer2,
      recordid: existing.recordid,
      contacts: next,
      ...auditOf(existing),
      ...updated(context),
    },
  };
}

export function patchCustomer(
  context: WriteContext,
  existing: R2Customer,
  patch: R2CustomerPatch,
): Outcome {
  const { recordid, contacts, ...fields } = patch;
  const errors = recordIdErrors(existing, recordid);
  const next = [...(existing.contacts ?? [])];
  (contacts ?? []).forEach((contact, index) => {
    if (contact.recordid === undefined) return next.push(newContact(context, contact));
    const position = next.findIndex((candidate) => candidate.recordid === contact.recordid);
    const old = next[position];
    if (!old) return errors.push(unknownContact(index, contact.recordid));
    const merged = mergeFields(old, contact);
    next[position] = sameContent(old, merged) ? old : { ...merged, ...updated(context) };
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    customer: { ...mergeFields(existing, fields), contacts: next, ...updated(context) },
  };
}

/**
 * The R2 PATCH convention (README "R2 PATCH convention"), for a customer or one contact: a key
 * sent replaces the stored value ('' too: a cleared text is stored as '') and `null` clears it; an
 * address block merges key by key; a list (`udfs`) is replaced whole — so a udf left out is
 * removed. `contacts` never reach here: they are matched by `recordid` in `patchCustomer`.
 */
function mergeFields<T extends object>(target: T, patch: object): T {
  const out: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || key === 'recordid') continue;
    if (value === null) delete out[key];
    else if (isAddressBlock(key) && isRecord(value)) out[key] = mergeBlock(out[key], value);
    else out[key] = value;
  }
  return out as T;
}

function mergeBlock(current: unknown, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = isRecord(current) ? { ...current } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

function isAddressBlock(key: string): boolean {
  return (r2AddressBlocks as readonly string[]).includes(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function auditOf(record: object): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  return Object.fromEntries(
    r2AuditKeys.filter((key) => source[key] != null).map((key) => [key, source[key]]),
  );
}

function sameContent(a: object, b: object): boolean {
  const strip = (record: object) =>
    Object.fromEntries(
      Object.entries(record).filter(([key]) => !(r2AuditKeys as readonly string[]).includes(key)),
    );
  return stableJson(strip(a)) === stableJson(strip(b));
}

function recordIdErrors(existing: R2Customer, recordid: string | undefined): R2FieldError[] {
  if (recordid === undefined || recordid === existing.recordid) return [];
  return [
    {
      field: 'recordid',
      message: `The record id ${recordid} in the body does not match customer ${existing.recordid}.`,
    },
  ];
}

function unknownContact(index: number, recordid: string): R2FieldError {
  return {
    field: `contacts[${index}].recordid`,
    message: `Contact ${recordid} does not belong to this customer.`,
  };
}
