// The Revnue account the sandbox serves: its lookups, its admin tokens and its customers, with a
// name index because names are unique per account (seed).
import {
  revnueNaturalKey,
  type RevnueCategory,
  type RevnueCompany,
  type RevnueCountry,
  type RevnueCustomFieldTemplate,
  type RevnueCustomerRecord,
} from '../../src-shared/connectors/revnue-v2/api';

export type StoredRevnueCustomer = RevnueCustomerRecord & { id: number };

export interface RevnueLookups {
  companies: RevnueCompany[];
  categories: (RevnueCategory & { company: number })[];
  countries: RevnueCountry[];
  templates: (RevnueCustomFieldTemplate & { company: number })[];
}

export class RevnueState {
  readonly customers = new Map<number, StoredRevnueCustomer>();
  readonly #idByNaturalKey = new Map<string, number>();

  constructor(
    readonly lookups: RevnueLookups,
    /** Admin tokens; all belong to the one account and share its rate limit. */
    readonly tokens: string[],
    public nextId = 1,
  ) {}

  idForName(name: string): number | undefined {
    return this.#idByNaturalKey.get(revnueNaturalKey({ name }));
  }

  save(customer: StoredRevnueCustomer): void {
    const previous = this.customers.get(customer.id);
    if (previous) this.#idByNaturalKey.delete(revnueNaturalKey(previous));
    this.customers.set(customer.id, customer);
    this.#idByNaturalKey.set(revnueNaturalKey(customer), customer.id);
    this.nextId = Math.max(this.nextId, customer.id + 1);
  }

  delete(id: number): boolean {
    const previous = this.customers.get(id);
    if (!previous) return false;
    this.#idByNaturalKey.delete(revnueNaturalKey(previous));
    return this.customers.delete(id);
  }
}
