// Token sets in memory, backed by the SecretStore. Reads are single-flight (a burst of requests
// costs one keychain read); a new token set is written to the keychain before anyone may use it.
import { rememberSecret } from '../secrets/redact';
import type { SecretStore } from '../secrets/secret-store';
import { parseTokenSet, secretsOf, type TokenSet } from './token-set';

interface Entry {
  tokens: TokenSet | null;
  /** True while `tokens` exist only in memory because the keychain refused to store them. */
  unsaved: boolean;
}

export class TokenVault {
  readonly #secrets: SecretStore;
  readonly #entries = new Map<string, Entry>();
  readonly #loading = new Map<string, Promise<Entry>>();

  constructor(secrets: SecretStore) {
    this.#secrets = secrets;
  }

  /** The stored tokens, or null when signed out. Throws when the keychain cannot be read. */
  async load(id: string): Promise<TokenSet | null> {
    const entry = this.#entries.get(id) ?? (await this.#loadOnce(id));
    if (entry.unsaved && entry.tokens) await this.save(id, entry.tokens, { mustKeep: true });
    return entry.tokens;
  }

  /** Known without a keychain read, for status reports during a sign-in. */
  peek(id: string): TokenSet | null | undefined {
    return this.#entries.get(id)?.tokens;
  }

  #loadOnce(id: string): Promise<Entry> {
    const pending = this.#loading.get(id);
    if (pending) return pending;
    const loading = this.#secrets
      .get(id)
      .then((secret) => {
        const tokens = parseTokenSet(secret);
        for (const value of tokens ? secretsOf(tokens) : []) rememberSecret(value);
        const entry = this.#entries.get(id) ?? { tokens, unsaved: false };
        this.#entries.set(id, entry);
        return entry;
      })
      .finally(() => this.#loading.delete(id));
    this.#loading.set(id, loading);
    return loading;
  }

  /**
   * Keeps `tokens` in memory first, then writes them to the keychain; throws if it refuses. A
   * rotated refresh token (`mustKeep`) then stays in memory — the old one is already spent — and
   * `load` retries the write before handing it out; a fresh sign-in is simply undone.
   */
  async save(id: string, tokens: TokenSet, { mustKeep }: { mustKeep: boolean }): Promise<void> {
    for (const value of secretsOf(tokens)) rememberSecret(value);
    const previous = this.#entries.get(id);
    const entry: Entry = { tokens, unsaved: true };
    this.#entries.set(id, entry);
    try {
      await this.#secrets.set(id, JSON.stringify(tokens));
    } catch (error) {
      if (!mustKeep && this.#entries.get(id) === entry) {
        if (previous) this.#entries.set(id, previous);
        else this.#entries.delete(id);
      }
      throw error;
    }
    entry.unsaved = false;
  }

  /** Removes the tokens from memory and from the keychain; nothing else of the connection. */
  async clear(id: string): Promise<void> {
    await this.#secrets.delete(id);
    this.#entries.set(id, { tokens: null, unsaved: false });
  }
}
