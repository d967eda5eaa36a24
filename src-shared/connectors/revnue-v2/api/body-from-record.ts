// The exact Revnue request bodies, built from the canonical record. A POST carries only what is
// set (`company` and `name` always). A PUT carries what is set plus a clear for each field the
// server's current record (`theirs`) has set and the new record has not — '' for text, null for
// the rest — so it means the same to a server that reads a missing key as "keep" and to one that
// reads it as "empty" (a missing key is then always a field that is empty on both sides).
import type { RevnueCustomerRecord } from './body';
import { revnueTextKeys } from './body';
import type { RevnueCustomerBody } from './wire-body';
import { isEmptyValue } from './template';

type Theirs = Partial<RevnueCustomerRecord> | undefined;

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** POST body: the fields the record has set, nothing else (the seed allows no null). */
export function revnueCreateBodyFromRecord(record: RevnueCustomerRecord): RevnueCustomerBody {
  return bodyFrom(record, undefined);
}

/** PUT body: the whole record as set, plus clears for what `theirs` has and `record` has not. */
export function revnuePutBodyFromRecord(
  record: RevnueCustomerRecord,
  theirs: Partial<RevnueCustomerRecord>,
): RevnueCustomerBody {
  return bodyFrom(record, theirs);
}

function bodyFrom(record: RevnueCustomerRecord, theirs: Theirs): RevnueCustomerBody {
  const body: RevnueCustomerBody = { company: record.company, name: record.name };
  for (const key of revnueTextKeys) {
    if (record[key] !== '') body[key] = record[key];
    else if (isSet(theirs?.[key])) body[key] = '';
  }
  body.category = valueOrClear(record.category, theirs?.category);
  body.country = valueOrClear(record.country, theirs?.country);
  body.nda_signed = record.nda_signed;
  body.nda_signed_date = valueOrClear(record.nda_signed_date, theirs?.nda_signed_date);
  body.msa_signed = record.msa_signed;
  body.msa_signed_date = valueOrClear(record.msa_signed_date, theirs?.msa_signed_date);
  body.contact_person = contactPerson(record, theirs);
  body.template = template(record, theirs);
  return withoutUndefined(body);
}

/** The value when set; null when only theirs has one (a clear); undefined (left out) otherwise. */
function valueOrClear<T>(value: T | null, theirs: unknown): T | null | undefined {
  if (isSet(value)) return value;
  return isSet(theirs) ? null : undefined;
}

function contactPerson(
  record: RevnueCustomerRecord,
  theirs: Theirs,
): RevnueCustomerBody['contact_person'] {
  const contact = record.contact_person;
  if (!contact) return theirs?.contact_person ? null : undefined;
  const type = valueOrClear(contact.type ?? null, theirs?.contact_person?.type);
  return { name: contact.name, email: contact.email, ...(type === undefined ? {} : { type }) };
}

/**
 * Fields only with values; with the same template as theirs, `value: null` for each of theirs'
 * values the record no longer has (another template's fields are not this one's to clear).
 */
function template(record: RevnueCustomerRecord, theirs: Theirs): RevnueCustomerBody['template'] {
  const chosen = record.template;
  if (!chosen) return theirs?.template ? null : undefined;
  const fields = chosen.fields
    .filter((field) => !isEmptyValue(field.value))
    .map((field) => ({ id: field.id, value: field.value }));
  if (theirs?.template?.id === chosen.id) {
    for (const field of theirs.template.fields) {
      if (isEmptyValue(field.value) || fields.some((sent) => sent.id === field.id)) continue;
      fields.push({ id: field.id, value: null });
    }
  }
  return { id: chosen.id, fields };
}

function withoutUndefined(body: RevnueCustomerBody): RevnueCustomerBody {
  // Same keys minus the ones left out: still a body, whose optional keys allow absence.
  return Object.fromEntries(
    Object.entries(body).filter(([, value]) => value !== undefined),
  ) as RevnueCustomerBody;
}
