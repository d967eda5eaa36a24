// A colleague editing customers on the server while the salesperson is offline: Revnue by GET +
// PUT of the whole record (the API has no PATCH), R2 by a PATCH of just the one field.
import {
  revnuePutBodyFromRecord,
  revnueRecordFromResponse,
  type RevnueCountry,
  type RevnueCustomerResponse,
  type RevnueCustomFieldTemplate,
} from '../../src-shared/connectors/revnue-v2/api';
import { applyChanges } from '../../src-shared/sync/apply';
import type { ProfileId } from './connector-profiles';
import type { ServerClient } from './server-client';

export type Colleague = Readonly<
  Record<ProfileId, (serverId: string, path: string, value: unknown) => Promise<void>>
>;

function expectOk(answer: { status: number; body: unknown }, what: string): unknown {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  throw new Error(`colleague: ${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

/** `a.b` = value → `{a: {b: value}}`: R2 PATCH merges address blocks key by key. */
function patchBody(path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (!head) throw new Error('empty path');
  return { [head]: rest.length === 0 ? value : patchBody(rest.join('.'), value) };
}

export function createColleague(client: ServerClient, company: number): Colleague {
  let lookups: { countries: RevnueCountry[]; templates: RevnueCustomFieldTemplate[] } | undefined;
  const revnueLookups = async () =>
    (lookups ??= {
      countries: expectOk(await client.revnue('GET', 'country/'), 'countries') as RevnueCountry[],
      templates: expectOk(
        await client.revnue('GET', `custom_field_template/?company=${company}`),
        'templates',
      ) as RevnueCustomFieldTemplate[],
    });

  // Keyed like the run's connector profiles, so callers look the API up instead of branching.
  return {
    async revnue(id: string, path: string, value: unknown): Promise<void> {
      const response = expectOk(
        await client.revnue('GET', `customer/${id}/`),
        `GET customer/${id}/`,
      ) as RevnueCustomerResponse;
      const record = revnueRecordFromResponse(response, { ...(await revnueLookups()), company });
      const body = revnuePutBodyFromRecord(applyChanges(record, [{ path, value }]), record);
      expectOk(await client.revnue('PUT', `customer/${id}/`, body), `PUT customer/${id}/`);
    },
    async r2(id: string, path: string, value: unknown): Promise<void> {
      const answer = await client.r2('PATCH', `customers/${id}`, patchBody(path, value));
      expectOk(answer, `PATCH customers/${id}`);
    },
  };
}
