// Builds the sandbox's state: loaded from `--data FILE` when it exists, otherwise generated from
// the seed (and then saved there). Also turns the live state back into a data file.
import { existsSync } from 'node:fs';
import { generateR2Customers } from './demo-data/r2-customers';
import { generateRevnueCustomers } from './demo-data/revnue-customers';
import { OAuthStore, type OAuthStoreSnapshot } from './oauth/oauth-store';
import type { ProviderSecrets } from './oauth/provider';
import { generateProviderSecrets, generateRevnueToken } from './oauth/secrets';
import { R2State, type StoredR2Customer } from './r2/r2-state';
import { createRandom, deriveSeed } from './random';
import { demoRevnueLookups } from './revnue/revnue-lookups';
import { RevnueState, type RevnueLookups, type StoredRevnueCustomer } from './revnue/revnue-state';
import { readDataFile, writeDataFile } from './store/data-file';

export interface SandboxData {
  revnue: RevnueState;
  r2: R2State;
  oauth: OAuthStore;
  secrets: ProviderSecrets;
}

interface Header {
  seed: number;
  revnue: { lookups: RevnueLookups; tokens: string[]; nextId: number };
  r2: { nextRecordId: number; nextContactRecordId: number };
  secrets: ProviderSecrets;
  oauth: OAuthStoreSnapshot;
}

export async function loadOrGenerate(options: {
  dataFile: string | undefined;
  seed: number;
  customers: number;
}): Promise<{ data: SandboxData; loaded: boolean }> {
  if (options.dataFile && existsSync(options.dataFile)) {
    return { data: await load(options.dataFile), loaded: true };
  }
  return { data: generate(options.seed, options.customers), loaded: false };
}

export function generate(seed: number, customers: number): SandboxData {
  const lookups = demoRevnueLookups();
  // Two tokens of one account: they share the account's rate limit like real Revnue users do.
  const revnue = new RevnueState(lookups, [generateRevnueToken(), generateRevnueToken()]);
  for (const customer of generateRevnueCustomers(
    createRandom(deriveSeed(seed, 'revnue')),
    customers,
    lookups,
  )) {
    revnue.save(customer);
  }
  const r2 = new R2State();
  const today = new Date();
  const anchor = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (const stored of generateR2Customers(createRandom(deriveSeed(seed, 'r2')), customers, anchor))
    r2.save(stored);
  return { revnue, r2, oauth: new OAuthStore(), secrets: generateProviderSecrets() };
}

async function load(path: string): Promise<SandboxData> {
  const { header, sections } = await readDataFile<Header>(path);
  const revnue = new RevnueState(header.revnue.lookups, header.revnue.tokens, header.revnue.nextId);
  for (const customer of sections.revnue ?? []) revnue.save(customer as StoredRevnueCustomer);
  const r2 = new R2State(header.r2.nextRecordId, header.r2.nextContactRecordId);
  for (const stored of sections.r2 ?? []) r2.save(stored as StoredR2Customer);
  const oauth = new OAuthStore();
  oauth.restore(header.oauth);
  return { revnue, r2, oauth, secrets: header.secrets };
}

export async function save(path: string, data: SandboxData, seed: number): Promise<void> {
  const header: Header = {
    seed,
    revnue: {
      lookups: data.revnue.lookups,
      tokens: data.revnue.tokens,
      nextId: data.revnue.nextId,
    },
    r2: { nextRecordId: data.r2.nextRecordId, nextContactRecordId: data.r2.nextContactRecordId },
    secrets: data.secrets,
    oauth: data.oauth.snapshot(),
  };
  await writeDataFile(path, header, {
    revnue: data.revnue.customers.values(),
    r2: data.r2.customers.values(),
  });
}
