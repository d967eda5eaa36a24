// After an R2 create whose answer was lost: which of the customers found by our natural key,
// created since our first attempt, is the one our request made.
import {
  r2WriteFromRecord,
  type R2CustomerRecord,
} from '../../../../../src-shared/connectors/r2/api';
import { deepEqual } from '../../../../../src-shared/sync/values';

type Plain = Record<string, unknown>;

/** What we sent, as the server keeps it: no ids, no audit fields, no client keys. */
function content(record: R2CustomerRecord): { customer: Plain; contacts: Plain[] } {
  const { recordid: _id, contacts, ...customer } = r2WriteFromRecord(record);
  return {
    customer,
    contacts: (contacts ?? []).map(({ recordid: _contactId, ...contact }) => contact),
  };
}

/** How many fields (customer fields, and contacts compared in order) differ. */
export function contentDistance(a: R2CustomerRecord, b: R2CustomerRecord): number {
  const left = content(a);
  const right = content(b);
  const keys = new Set([...Object.keys(left.customer), ...Object.keys(right.customer)]);
  let distance = [...keys].filter(
    (key) => !deepEqual(left.customer[key], right.customer[key]),
  ).length;
  const longest = Math.max(left.contacts.length, right.contacts.length);
  for (let index = 0; index < longest; index += 1) {
    if (!deepEqual(left.contacts[index], right.contacts[index])) distance += 1;
  }
  return distance;
}

/**
 * The candidate that matches `sent` best; the first (oldest) on a tie. This is safe because every
 * candidate already has our natural key and was created in or after the minute of our first
 * attempt. If our request landed, its customer is among them holding exactly what we sent (R2
 * adds only ids and audit fields), so it matches best; another can only tie by holding the same
 * content — the same customer entered twice, where adopting either avoids making a third. If our
 * request did not land, the best match is a colleague's entry of the same customer, and adopting
 * it is what keeps the server from holding that customer twice.
 */
export function bestMatch<T extends { record: R2CustomerRecord }>(
  sent: R2CustomerRecord,
  candidates: readonly T[],
): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = contentDistance(sent, candidate.record);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
