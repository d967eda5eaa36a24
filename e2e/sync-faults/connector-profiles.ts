// What the run does with each API: the fields a salesperson edits, the fields only a colleague
// edits (those must survive as merges), the fields both edit (those must be flagged), valid unique
// values for each, and how to read the server's final state. A table, so run.ts has no API branches.
import { getAt } from '../../src-shared/sync/apply';
import type { ServerClient } from './server-client';

export type ProfileId = 'revnue' | 'r2';

/** One customer as the server holds it at the end, in its wire shape. */
export interface ServerRecord {
  readonly serverId: string;
  readonly name: string;
  readonly wire: unknown;
}

export interface ConnectorProfile {
  readonly id: ProfileId;
  readonly connectionName: string;
  /** The record field that carries the natural key (the unique name the run gives each create). */
  readonly nameField: string;
  /** Edited by the salesperson only (or also by the colleague: `conflictPaths`). */
  readonly localPaths: readonly string[];
  /** Edited by the colleague only: every such edit must survive (a merge). */
  readonly colleaguePaths: readonly string[];
  /** Local paths the colleague also edits, to a different value: must be flagged as conflicts. */
  readonly conflictPaths: readonly string[];
  newRecord(name: string, n: number): Record<string, unknown>;
  /** A valid value for `path`, unique per `n` (and per `who`: salesperson or colleague). */
  value(path: string, n: number, who: 'me' | 'colleague'): string;
  /** The value at a record path in the server's wire shape. */
  wireValue(wire: unknown, path: string): unknown;
  /** Every customer on the server (with its full record for the ids in `full`). */
  readAll(client: ServerClient, full: ReadonlySet<string>): Promise<ServerRecord[]>;
}

const tag = (who: 'me' | 'colleague') => (who === 'me' ? 'M' : 'C');

export const revnueProfile: ConnectorProfile = {
  id: 'revnue',
  connectionName: 'Sync lab – Revnue',
  nameField: 'name',
  localPaths: ['city', 'phone', 'website', 'general_description'],
  colleaguePaths: ['fax', 'supplementary_description'],
  conflictPaths: ['city', 'phone', 'website', 'general_description'],
  newRecord: (name, n) => ({ name, city: `New City ${n}`, phone: `555-${n}` }),
  value: (path, n, who) =>
    path === 'phone' || path === 'fax' ? `${tag(who)}-555-${n}` : `${tag(who)} ${path} ${n}`,
  wireValue: (wire, path) => getAt(wire, path),
  async readAll(client) {
    const answer = await client.revnue('GET', 'customer/?company=1');
    if (answer.status !== 200) throw new Error(`Revnue list answered ${answer.status}`);
    return (answer.body as { id: number; name: string }[]).map((customer) => ({
      serverId: String(customer.id),
      name: customer.name,
      wire: customer,
    }));
  },
};

export const r2Profile: ConnectorProfile = {
  id: 'r2',
  connectionName: 'Sync lab – Unibiz R2',
  nameField: 'companyname',
  localPaths: ['address.city', 'address.zip', 'address.addressline'],
  colleaguePaths: ['phonenumber', 'web'],
  conflictPaths: ['address.city', 'address.zip', 'address.addressline'],
  newRecord: (name, n) => ({
    companyname: name,
    synchronizer2: 'Created in R2',
    address: { addressline: `${n} Lab Street`, city: `New City ${n}`, zip: `Z${n}` },
    contacts:
      n % 2 === 0
        ? [{ firstname: 'Lab', lastname: `Contact ${n}`, emailaddr: `lab${n}@example.com` }]
        : [],
  }),
  value: (path, n, who) => `${tag(who)} ${path.replace('address.', '')} ${n}`,
  wireValue: (wire, path) => getAt(wire, path),
  async readAll(client, full) {
    const names = new Map<string, string>();
    for (let page = 1; ; page += 1) {
      const answer = await client.r2('GET', `customers?page=${page}&pagesize=500`);
      if (answer.status !== 200) throw new Error(`R2 list answered ${answer.status}`);
      const rows = answer.body as { recordid: string; companyname?: string | null }[];
      for (const row of rows) names.set(row.recordid, row.companyname ?? '');
      if (rows.length < 500) break;
    }
    const records: ServerRecord[] = [];
    for (const [serverId, name] of names) {
      if (!full.has(serverId) && !full.has(`name:${name}`)) {
        records.push({ serverId, name, wire: null });
        continue;
      }
      const answer = await client.r2('GET', `customers/${serverId}`);
      if (answer.status !== 200) throw new Error(`R2 GET ${serverId} answered ${answer.status}`);
      records.push({ serverId, name, wire: answer.body });
    }
    return records;
  },
};

export const profiles: readonly ConnectorProfile[] = [revnueProfile, r2Profile];
