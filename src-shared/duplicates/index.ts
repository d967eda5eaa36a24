// Duplicate warnings while typing: which customers already on this computer a draft may duplicate
// (same phone, email, customer ID, address, or a similar name), and why, in a salesperson's words.
export { DuplicateIndex, maxCandidates, type CheckOptions } from './duplicate-index';
export {
  noDuplicateFields,
  reasonText,
  type DuplicateCandidate,
  type DuplicateFields,
  type MatchReason,
} from './fields';
export { nameTokens, phoneKey, companyDomain, addressKey } from './normalize';
