// The R2 account the sandbox serves: customers by recordid in creation order (recordids increase,
// so Map order IS recordid order and list paging is stable), plus an index for the unique
// `customerid` (the natural key clients look records up by).
import type { R2Customer } from '../../src-shared/connectors/r2/api';
import { R2ListCache } from './list-cache';

export interface StoredR2Customer {
  customer: R2Customer;
  /** `updateddate` as epoch ms (UTC, whole minutes), for `updatedsince`. */
  updatedAt: number;
}

export class R2State {
  readonly customers = new Map<string, StoredR2Customer>();
  readonly #recordIdByCustomerId = new Map<string, string>();
  #version = 0;
  /** The list's serialised rows; valid while `version` stays the same. */
  readonly listCache = new R2ListCache();

  constructor(
    public nextRecordId = 1_000_001,
    public nextContactRecordId = 5_000_001,
  ) {}

  newRecordId(): string {
    return String(this.nextRecordId++);
  }

  newContactRecordId(): string {
    return String(this.nextContactRecordId++);
  }

  recordIdForCustomerId(customerid: string): string | undefined {
    return this.#recordIdByCustomerId.get(customerid.trim().toLowerCase());
  }

  /** Moves on every write, so caches of the listing know when to rebuild. */
  get version(): number {
    return this.#version;
  }

  /** The only write path: every create, PUT, PATCH and data-file load goes through here. */
  save(stored: StoredR2Customer): void {
    this.#version += 1;
    const previous = this.customers.get(stored.customer.recordid);
    if (previous?.customer.customerid)
      this.#recordIdByCustomerId.delete(previous.customer.customerid.trim().toLowerCase());
    this.customers.set(stored.customer.recordid, stored);
    if (stored.customer.customerid) {
      this.#recordIdByCustomerId.set(
        stored.customer.customerid.trim().toLowerCase(),
        stored.customer.recordid,
      );
    }
    this.nextRecordId = Math.max(this.nextRecordId, Number(stored.customer.recordid) + 1);
    for (const contact of stored.customer.contacts ?? []) {
      this.nextContactRecordId = Math.max(this.nextContactRecordId, Number(contact.recordid) + 1);
    }
  }
}
