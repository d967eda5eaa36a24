// Wire ⇄ record for R2. Nulls from the server are dropped (an absent field and a null one mean
// the same to us, and one spelling avoids false "changes"); date-times switch between the wire's
// `MM/dd/yyyy HH:mm` and ISO local date-times; audit fields and `localKey` never go back out.
import type { R2Contact } from './contact';
import { dropUndefined } from './objects';
import { r2AuditKeys } from './contact';
import type { R2Customer, R2CustomerWrite } from './customer';
import { isoToR2DateTime, r2DateTimeToIso } from './dates';
import type { R2ContactRecord, R2CustomerRecord } from './record';

type Plain = Record<string, unknown>;

/** Drops null and undefined members, deeply (arrays keep their length; null items are kept). */
function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withoutNulls(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Plain = {};
  for (const [key, member] of Object.entries(value as Plain)) {
    if (member !== null && member !== undefined) out[key] = withoutNulls(member);
  }
  // Same keys minus the empty ones: still a T, whose optional members allow absence.
  return out as T;
}

const convert = (value: string | null | undefined, to: (date: string) => string) =>
  value === null || value === undefined ? undefined : to(value);

function contactFromWire(contact: R2Contact): R2ContactRecord {
  const { createddate, updateddate, ...rest } = withoutNulls(contact);
  return dropUndefined({
    ...rest,
    createddate: convert(createddate, r2DateTimeToIso),
    updateddate: convert(updateddate, r2DateTimeToIso),
  });
}

/** By-ID customer → local record. */
export function r2RecordFromWire(customer: R2Customer): R2CustomerRecord {
  const { contacts, createddate, updateddate, insuranceexpdate, ...rest } = withoutNulls(customer);
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

/** Local record → POST/PUT body: ISO → `MM/dd/yyyy HH:mm`, no audit fields, no `localKey`. */
export function r2WriteFromRecord(record: R2CustomerRecord): R2CustomerWrite {
  const { contacts, insuranceexpdate, ...rest } = withoutAudit(record);
  return dropUndefined({
    ...rest,
    insuranceexpdate: convert(insuranceexpdate, isoToR2DateTime),
    contacts: contacts?.map((contact) => {
      const { localKey: _localKey, ...sent } = withoutAudit(contact);
      return sent;
    }),
  });
}
