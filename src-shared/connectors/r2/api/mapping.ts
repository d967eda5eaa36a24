// Wire ⇄ record for R2. One spelling of "empty" in the record: the field is absent. The server may
// say empty as null, as '' (a cleared text, see README "R2 PATCH convention") or as an address
// block with nothing in it; all of them become absence, so an echo of our own write is no change.
// Date-times switch between the wire's `MM/dd/yyyy HH:mm` and ISO local date-times; audit fields
// and `localKey` never go back out. A write body is just as sparse: nothing empty is sent.
import type { R2Contact } from './contact';
import { dropUndefined } from './objects';
import { r2AddressBlocks } from './address';
import { r2AuditKeys } from './contact';
import type { R2Customer, R2CustomerWrite } from './customer';
import { isoToR2DateTime, r2DateTimeToIso } from './dates';
import type { R2ContactRecord, R2CustomerRecord } from './record';

type Plain = Record<string, unknown>;

/** A udf's caption is its identity: kept even when blank, so the list still shows the item. */
const keptWhenBlank = new Set(['caption']);
const blocks = new Set<string>(r2AddressBlocks);

/**
 * Drops null, undefined and '' members and address blocks left empty, deeply (arrays keep their
 * length). Same keys minus the empty ones: still a T, whose optional members allow absence.
 */
export function withoutEmptyMembers<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withoutEmptyMembers(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Plain = {};
  for (const [key, member] of Object.entries(value as Plain)) {
    if (member === null || member === undefined) continue;
    if (member === '' && !keptWhenBlank.has(key)) continue;
    const kept = withoutEmptyMembers(member);
    if (blocks.has(key) && typeof kept === 'object' && Object.keys(kept).length === 0) continue;
    out[key] = kept;
  }
  return out as T;
}

const convert = (value: string | null | undefined, to: (date: string) => string) =>
  value === null || value === undefined ? undefined : to(value);

function contactFromWire(contact: R2Contact): R2ContactRecord {
  const { createddate, updateddate, ...rest } = withoutEmptyMembers(contact);
  return dropUndefined({
    ...rest,
    createddate: convert(createddate, r2DateTimeToIso),
    updateddate: convert(updateddate, r2DateTimeToIso),
  });
}

/** By-ID customer → local record. */
export function r2RecordFromWire(customer: R2Customer): R2CustomerRecord {
  const { contacts, createddate, updateddate, insuranceexpdate, ...rest } =
    withoutEmptyMembers(customer);
  return dropUndefined({
    ...rest,
    insuranceexpdate: convert(insuranceexpdate, r2DateTimeToIso),
    createddate: convert(createddate, r2DateTimeToIso),
    updateddate: convert(updateddate, r2DateTimeToIso),
    contacts: contacts?.map(contactFromWire),
  });
}

function withoutAudit<T extends Plain>(value: T): Omit<T, (typeof r2AuditKeys)[number]> {
  const out: Plain = { ...value };
  for (const key of r2AuditKeys) delete out[key];
  return out as Omit<T, (typeof r2AuditKeys)[number]>;
}

/**
 * Local record → POST/PUT body: ISO → `MM/dd/yyyy HH:mm`, no audit fields, no `localKey`, nothing
 * empty (no null, no '', no empty block): a POST sets only what is there, and a PUT replaces the
 * whole customer, so what it leaves out is cleared anyway.
 */
export function r2WriteFromRecord(record: R2CustomerRecord): R2CustomerWrite {
  const { contacts, insuranceexpdate, ...rest } = withoutAudit(withoutEmptyMembers(record));
  return dropUndefined({
    ...rest,
    insuranceexpdate: convert(insuranceexpdate, isoToR2DateTime),
    contacts: contacts?.map((contact) => {
      const { localKey: _localKey, ...sent } = withoutAudit(contact);
      return sent;
    }),
  });
}
