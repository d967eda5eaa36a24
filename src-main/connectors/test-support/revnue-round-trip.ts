// One Revnue sync round trip against the sandbox: the account's lookups, the base customer, a
// colleague's PUT (theirs), and the PUT of the merged record the sync core builds.
import {
  revnuePutBodyFromRecord,
  revnueRecordFromResponse,
  revnueRecordSchemaFor,
  type RevnueCustomerBody,
  type RevnueCustomerRecord,
  type RevnueCustomerResponse,
} from '../../../src-shared/connectors/revnue-v2/api';
import {
  revnueCreateBody,
  revnueShape,
  revnueUpdateBody,
  type MergeResult,
} from '../../../src-shared/sync';
import { canonical } from '../../../src-shared/sync/test-support/canonical';
import { allTemplates, type RevnueAccountLookups } from './revnue-lookup-arbitraries';
import { expectOk, expectValid, type WireWorld } from './wire-contract-world';

export async function readRevnueLookups(world: WireWorld): Promise<RevnueAccountLookups> {
  const { revnue } = world;
  const companies = expectOk(await revnue.companies(), 'GET company/');
  const countries = expectOk(await revnue.countries(), 'GET country/');
  const perCompany = [];
  for (const { id } of companies) {
    perCompany.push({
      id,
      categories: expectOk(await revnue.categories(id), `GET category/?company=${id}`),
      templates: expectOk(await revnue.customFieldTemplates(id), `GET templates of ${id}`),
    });
  }
  return { companies: perCompany, countries };
}

function recordOf(
  response: RevnueCustomerResponse,
  lookups: RevnueAccountLookups,
  company: number,
): RevnueCustomerRecord {
  return revnueRecordFromResponse(response, { countries: lookups.countries, company });
}

export async function readFromRevnue(
  world: WireWorld,
  lookups: RevnueAccountLookups,
  id: number,
  company: number,
): Promise<RevnueCustomerRecord> {
  const response = expectOk(await world.revnue.getCustomer(id), `GET customer/${id}/`);
  return recordOf(response, lookups, company);
}

/** POSTs `record` and reads it back as the server keeps it; also answers the body sent. */
export async function createOnRevnue(
  world: WireWorld,
  lookups: RevnueAccountLookups,
  record: RevnueCustomerRecord,
): Promise<{ record: RevnueCustomerRecord & { id: number }; body: RevnueCustomerBody }> {
  const body = expectValid(revnueCreateBody(record, allTemplates(lookups)), 'the POST body');
  const { id } = expectOk(await world.revnue.createCustomer(body), 'POST customer/');
  return { record: { ...(await readFromRevnue(world, lookups, id, record.company)), id }, body };
}

/** A colleague saves `record` over `onServer` with a PUT (the same convention); read back. */
export async function putOnRevnue(
  world: WireWorld,
  lookups: RevnueAccountLookups,
  id: number,
  record: RevnueCustomerRecord,
  onServer: RevnueCustomerRecord,
): Promise<RevnueCustomerRecord> {
  const valid = revnueRecordSchemaFor(allTemplates(lookups)).parse(record);
  const body = revnuePutBodyFromRecord(valid, onServer);
  expectOk(await world.revnue.updateCustomer(id, body), `PUT customer/${id}/`);
  return readFromRevnue(world, lookups, id, record.company);
}

/** Sends the sync core's PUT for a resolved merge; the body sent, or null when none was needed. */
export async function pushToRevnue(
  world: WireWorld,
  lookups: RevnueAccountLookups,
  id: number,
  result: MergeResult<RevnueCustomerRecord>,
  theirs: RevnueCustomerRecord,
): Promise<RevnueCustomerBody | null> {
  const body = expectValid(
    revnueUpdateBody(result, theirs, allTemplates(lookups)),
    'the update body',
  );
  if (body === null) return null;
  expectOk(await world.revnue.updateCustomer(id, body), `PUT customer/${id}/`);
  return body;
}

/** Equality as the sync rules define it: custom fields as a set, the server id left out. */
export function comparableRevnue(record: RevnueCustomerRecord): unknown {
  return canonical(revnueShape, record, true);
}

/** Revnue names are unique per account: one tag per run keeps runs apart. */
export function withTaggedName(record: RevnueCustomerRecord, tag: string): RevnueCustomerRecord {
  return record.name.endsWith(tag) ? record : { ...record, name: `${record.name}${tag}` };
}
