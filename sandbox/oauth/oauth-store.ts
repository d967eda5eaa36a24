// Storage for oidc-provider's models (sessions, grants, codes, tokens). A plain Map instead of the
// library's LRU memory adapter, so `--data FILE` can persist it and users stay signed in across
// sandbox restarts; it also lets the "expire-tokens" fault walk the live access tokens.
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch ms, or undefined for no expiry. */
  expiresAt: number | undefined;
}

export type OAuthStoreSnapshot = [key: string, entry: Entry][];

export class OAuthStore {
  readonly #entries = new Map<string, Entry>();
  /** Called after every change, so persistence can schedule a save. */
  onChange: () => void = () => {};

  adapterFactory = (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => {
        const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : undefined;
        this.#entries.set(key(id), { payload, expiresAt });
        this.onChange();
      },
      find: async (id) => this.#live(key(id)),
      findByUid: async (uid) => this.#findWhere(model, (payload) => payload.uid === uid),
      findByUserCode: async (code) =>
        this.#findWhere(model, (payload) => payload.userCode === code),
      consume: async (id) => {
        const entry = this.#entries.get(key(id));
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
        this.onChange();
      },
      destroy: async (id) => {
        this.#entries.delete(key(id));
        this.onChange();
      },
      revokeByGrantId: async (grantId) => {
        for (const [entryKey, entry] of this.#entries) {
          if (entry.payload.grantId === grantId) this.#entries.delete(entryKey);
        }
        this.onChange();
      },
    };
  };

  /** Payloads of one model that have not expired. */
  *liveOf(model: string): Generator<AdapterPayload> {
    for (const [entryKey] of this.#entries) {
      if (!entryKey.startsWith(`${model}:`)) continue;
      const payload = this.#live(entryKey);
      if (payload) yield payload;
    }
  }

  /** The "expire-tokens" fault: every access token stops working; refresh tokens still work. */
  expireAccessTokens(): number {
    let expired = 0;
    for (const entryKey of [...this.#entries.keys()]) {
      if (entryKey.startsWith('AccessToken:') || entryKey.startsWith('ClientCredentials:')) {
        this.#entries.delete(entryKey);
        expired += 1;
      }
    }
    this.onChange();
    return expired;
  }

  snapshot(): OAuthStoreSnapshot {
    this.#sweep();
    return [...this.#entries];
  }

  restore(snapshot: OAuthStoreSnapshot): void {
    for (const [entryKey, entry] of snapshot) this.#entries.set(entryKey, entry);
    this.#sweep();
  }

  #live(entryKey: string): AdapterPayload | undefined {
    const entry = this.#entries.get(entryKey);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.#entries.delete(entryKey);
      return undefined;
    }
    return entry.payload;
  }

  #findWhere(model: string, test: (payload: AdapterPayload) => boolean) {
    for (const payload of this.liveOf(model)) if (test(payload)) return payload;
    return undefined;
  }

  #sweep(): void {
    const now = Date.now();
    for (const [entryKey, entry] of this.#entries) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.#entries.delete(entryKey);
    }
  }
}
