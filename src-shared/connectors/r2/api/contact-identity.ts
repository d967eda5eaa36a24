// Giving every contact an identity before it is stored: the editor (or any code that builds an R2
// record) calls this on save, so a new contact always carries a `localKey` until R2 gives it a
// `recordid`. The record schema's identity rule is only the safety net behind it.
import type { R2ContactRecord, R2CustomerRecord } from './record';

/** Web Crypto, reached without DOM or Node typings (src-shared stays pure). */
const webCrypto = (globalThis as { crypto?: { randomUUID(): string } }).crypto;

/** A fresh client-side key; `crypto.randomUUID` exists in Chromium, Node ≥ 19 and Electron. */
export function newContactKey(): string {
  if (!webCrypto) throw new Error('crypto.randomUUID is not available in this runtime');
  return `local-${webCrypto.randomUUID()}`;
}

/**
 * `record` with a new `localKey` on each contact that has neither `recordid` nor `localKey`, and
 * on each contact whose identity an earlier contact already uses (a copied row). Contacts that are
 * fine are kept as they are (same objects), so nothing else changes.
 */
export function withContactIdentities(
  record: R2CustomerRecord,
  newKey: () => string = newContactKey,
): R2CustomerRecord {
  if (!record.contacts) return record;
  const seen = new Set<string>();
  let changed = false;
  const contacts = record.contacts.map((contact): R2ContactRecord => {
    const identity = identityOf(contact);
    if (identity !== undefined && !seen.has(identity)) {
      seen.add(identity);
      return contact;
    }
    changed = true;
    const { recordid: _recordid, ...rest } = contact;
    // A repeated recordid belongs to the first contact; the copy becomes a new contact.
    const fresh = { ...(identity?.startsWith('recordid=') ? rest : contact), localKey: newKey() };
    seen.add(identityOf(fresh)!);
    return fresh;
  });
  return changed ? { ...record, contacts } : record;
}

function identityOf(contact: R2ContactRecord): string | undefined {
  if (contact.recordid !== undefined) return `recordid=${contact.recordid}`;
  if (contact.localKey !== undefined) return `localKey=${contact.localKey}`;
  return undefined;
}
