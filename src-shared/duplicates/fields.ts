// What the duplicate matcher reads of a customer: the few fields a salesperson would recognise a
// duplicate by. Each connector's descriptor says where they live in its record.

export interface DuplicateFields {
  /** The company name as typed. */
  readonly name: string;
  /** The connector's customer number ('' when it has none). */
  readonly customerNumber: string;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  /** Web addresses (a company's own domain counts like its email domain). */
  readonly websites: readonly string[];
  /** The first address line (street and number) and the city. */
  readonly addressLine: string;
  readonly city: string;
}

export const noDuplicateFields: DuplicateFields = {
  name: '',
  customerNumber: '',
  phones: [],
  emails: [],
  websites: [],
  addressLine: '',
  city: '',
};

/** Why a candidate matched, in the words the editor shows. */
export type MatchReason =
  | { readonly kind: 'customer-number' }
  | { readonly kind: 'email' }
  | { readonly kind: 'phone' }
  | { readonly kind: 'same-name' }
  | { readonly kind: 'similar-name' }
  | { readonly kind: 'address' }
  | { readonly kind: 'domain'; readonly domain: string };

export interface DuplicateCandidate {
  /** The local key of the existing customer. */
  readonly key: string;
  readonly name: string;
  readonly reasons: readonly string[];
  /** Higher is more likely the same company; candidates come sorted by it. */
  readonly score: number;
}

export function reasonText(reason: MatchReason): string {
  switch (reason.kind) {
    case 'customer-number':
      return 'Same customer ID';
    case 'email':
      return 'Same email address';
    case 'phone':
      return 'Same phone number';
    case 'same-name':
      return 'Same name';
    case 'similar-name':
      return 'Similar name';
    case 'address':
      return 'Same address';
    case 'domain':
      return `Same email domain ${reason.domain}`;
  }
}
