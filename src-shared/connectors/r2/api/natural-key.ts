// How to find an R2 customer again when a create's response was lost
// (docs/architecture.md#the-life-of-an-edit): by its `customerid` when the user gave one, else by
// its normalized company name.
import { normalizeCustomerName } from '../../../api/names';

export type R2NaturalKey = { customerid: string } | { companyname: string };

/** `customerid` is compared exactly (trimmed); `companyname` case- and whitespace-insensitively. */
export function r2NaturalKey(record: {
  customerid?: string | null;
  companyname: string;
}): R2NaturalKey {
  const customerid = record.customerid?.trim() ?? '';
  if (customerid !== '') return { customerid };
  return { companyname: normalizeCustomerName(record.companyname) };
}

/** True when `candidate` (e.g. a list row or summary) has the natural key `key`. */
export function r2MatchesNaturalKey(
  key: R2NaturalKey,
  candidate: { customerid?: string | null; companyname?: string | null },
): boolean {
  if ('customerid' in key) return (candidate.customerid?.trim() ?? '') === key.customerid;
  return normalizeCustomerName(candidate.companyname ?? '') === key.companyname;
}
