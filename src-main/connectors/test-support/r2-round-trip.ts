// One R2 sync round trip against the sandbox, step by step as the sync engine takes it: the base
// record on the server, a colleague's PUT (theirs), the three-way merge with the salesperson's
// edit (mine), the request the sync core builds, and the record the server holds afterwards.
import {
  r2AuditKeys,
  r2RecordFromWire,
  type R2ContactRecord,
  type R2CustomerRecord,
  type R2CustomerWrite,
} from '../../../src-shared/connectors/r2/api';
import {
  merge,
  r2CreateBody,
  r2Shape,
  r2UpdateRequest,
  type MergeResult,
} from '../../../src-shared/sync';
import type { R2UpdateRequest } from '../../../src-shared/sync';
import { expectOk, expectValid, type WireWorld } from './wire-contract-world';

/** POSTs `record` (its ids and audit fields are the server's business) and reads it back. */
export async function createOnR2(
  world: WireWorld,
  record: R2CustomerRecord,
): Promise<{ id: string; record: R2CustomerRecord; body: R2CustomerWrite }> {
  const body = expectValid(r2CreateBody(withoutServerIds(record, new Set())), 'the POST body');
  const { id } = expectOk(await world.r2.create(body), 'POST customers');
  return { id, record: await readFromR2(world, id), body };
}

export async function readFromR2(world: WireWorld, id: string): Promise<R2CustomerRecord> {
  return r2RecordFromWire(expectOk(await world.r2.get(id), `GET customers/${id}`));
}

/**
 * A colleague saves `theirs` with a PUT. Contacts the server does not know (a generated edit gives
 * them made-up recordids) go without one, as a new contact would; the server's version is returned.
 */
export async function replaceOnR2(
  world: WireWorld,
  id: string,
  known: R2CustomerRecord,
  theirs: R2CustomerRecord,
): Promise<R2CustomerRecord> {
  const ids = new Set((known.contacts ?? []).flatMap((contact) => contact.recordid ?? []));
  const body = expectValid(r2CreateBody(withoutServerIds(theirs, ids)), 'the PUT body');
  expectOk(await world.r2.update(id, body), `PUT customers/${id}`);
  return readFromR2(world, id);
}

/** Sends what the sync core asks for (PATCH or PUT); answers the request sent, if any. */
export async function pushToR2(
  world: WireWorld,
  id: string,
  result: MergeResult<R2CustomerRecord>,
): Promise<R2UpdateRequest | null> {
  const request = expectValid(r2UpdateRequest(result), 'the update request');
  if (request?.method === 'PATCH') {
    expectOk(await world.r2.patch(id, request.body), `PATCH customers/${id}`);
  } else if (request?.method === 'PUT') {
    expectOk(await world.r2.update(id, request.body), `PUT customers/${id}`);
  }
  return request;
}

export function mergeR2(base: R2CustomerRecord, mine: R2CustomerRecord, theirs: R2CustomerRecord) {
  return merge<R2CustomerRecord>(r2Shape, base, mine, theirs);
}

function withoutServerIds(record: R2CustomerRecord, keep: ReadonlySet<string>): R2CustomerRecord {
  const { recordid: _recordid, ...rest } = record;
  return {
    ...rest,
    ...(record.contacts
      ? {
          // A contact sent as new keeps (or, as the editor does, gets) a localKey: the record
          // schema wants every contact to carry an identity.
          contacts: record.contacts.map(({ recordid, ...contact }, index) =>
            recordid !== undefined && keep.has(recordid)
              ? { ...contact, recordid }
              : { ...contact, localKey: contact.localKey ?? `new-${index}` },
          ),
        }
      : {}),
  };
}

type Plain = Record<string, unknown>;

/**
 * What must be equal between the merged record and the server's: no audit fields and no record
 * id; null, undefined, '', an empty block and an empty list all mean "none" (the R2 mapping reads
 * null and '' as absent, the server answers `[]` for no udfs or contacts); contacts as a set —
 * existing ones by recordid, new ones (mine carry a localKey, the server's a recordid `newIds`
 * lists) by their content.
 */
export function comparableR2(record: R2CustomerRecord, newIds: ReadonlySet<string>): unknown {
  const { contacts, ...rest } = record;
  const out = comparableObject(rest, ['recordid']);
  const items = (contacts ?? []).map((contact) => comparableContact(contact, newIds));
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (items.length > 0) out['contacts'] = items.map((item) => item.value);
  return out;
}

function comparableContact(contact: R2ContactRecord, newIds: ReadonlySet<string>) {
  const isNew = contact.recordid === undefined || newIds.has(contact.recordid);
  const value = comparableObject(contact, isNew ? ['recordid', 'localKey'] : ['localKey']);
  const key = isNew ? `~new ${JSON.stringify(value)}` : `id ${contact.recordid ?? ''}`;
  return { key, value };
}

function comparableObject(value: object, without: readonly string[]): Plain {
  const skip = new Set<string>([...r2AuditKeys, ...without]);
  const out: Plain = {};
  for (const [key, member] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (skip.has(key) || isNone(member)) continue;
    const comparable = comparableValue(member);
    if (!isNone(comparable)) out[key] = comparable;
  }
  return out;
}

function isNone(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function comparableValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparableValue);
  if (value !== null && typeof value === 'object') return comparableObject(value, []);
  return value;
}

/**
 * Recordids only one side knows: contacts the server just created, and contacts the merged record
 * re-adds after a colleague deleted them (sent as new, they get a new recordid).
 */
export function unmatchedContactIds(
  server: R2CustomerRecord,
  merged: R2CustomerRecord,
): Set<string> {
  const ids = (record: R2CustomerRecord) =>
    new Set((record.contacts ?? []).flatMap((contact) => contact.recordid ?? []));
  const onServer = ids(server);
  const inMerged = ids(merged);
  return new Set([
    ...[...onServer].filter((id) => !inMerged.has(id)),
    ...[...inMerged].filter((id) => !onServer.has(id)),
  ]);
}

/** Server-unique values made unique per run (R2 refuses a customerid another customer has). */
export function withTaggedCustomerId(record: R2CustomerRecord, tag: string): R2CustomerRecord {
  const id = record.customerid;
  return id && !id.endsWith(tag) ? { ...record, customerid: `${id}${tag}` } : record;
}
