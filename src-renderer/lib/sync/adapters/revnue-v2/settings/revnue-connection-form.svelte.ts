// "Add Revnue connection": name, base URL and the pasted API token, which main checks against
// Revnue before anything is saved; its answer is the company list the connection picks from.
import type { RevnueCompany } from '../../../../../../src-shared/connectors/revnue-v2/api';
import type { FieldbookApi } from '../../../../../../src-shared/ipc/fieldbook-api';
import { describeError } from '../../../../state/error-message';
import {
  baseUrlSchema,
  connectionNameSchema,
  messageOf,
} from '../../../../../features/settings/field-check';

export class RevnueConnectionForm {
  #name = $state('');
  #baseUrl = $state('');
  #token = $state('');
  #touched = $state<Record<'name' | 'baseUrl' | 'token', boolean>>({
    name: false,
    baseUrl: false,
    token: false,
  });
  #companies = $state.raw<readonly RevnueCompany[] | null>(null);
  #company = $state<number | null>(null);
  #busy = $state(false);
  #error = $state('');
  readonly #api: FieldbookApi;

  constructor(api: FieldbookApi) {
    this.#api = api;
  }

  get name() {
    return this.#name;
  }
  set name(value: string) {
    this.#name = value;
    this.#touched.name = true;
  }
  get baseUrl() {
    return this.#baseUrl;
  }
  set baseUrl(value: string) {
    this.#baseUrl = value;
    this.#touched.baseUrl = true;
    this.#companies = null; // a token checked at another address proves nothing here
  }
  get token() {
    return this.#token;
  }
  set token(value: string) {
    this.#token = value;
    this.#touched.token = true;
    this.#companies = null;
  }
  get company() {
    return this.#company;
  }
  set company(value: number | null) {
    this.#company = value;
  }
  get companies() {
    return this.#companies;
  }
  get busy() {
    return this.#busy;
  }
  get error() {
    return this.#error;
  }

  /** Messages per field, shown once the field was typed in (or a submit was tried). */
  get errors() {
    return {
      name: this.#touched.name ? messageOf(connectionNameSchema, this.#name) : '',
      baseUrl: this.#touched.baseUrl ? messageOf(baseUrlSchema, this.#baseUrl) : '',
      token: this.#touched.token && this.#token.trim() === '' ? 'Paste the API token' : '',
      company: this.#companies && this.#company === null ? 'Choose the company to work in' : '',
    };
  }

  #touchAll(): boolean {
    this.#touched = { name: true, baseUrl: true, token: true };
    const { name, baseUrl, token } = this.errors;
    return !name && !baseUrl && !token;
  }

  /** Checks the token with Revnue; on success the company can be picked. */
  async checkToken(): Promise<boolean> {
    if (!this.#touchAll() || this.#busy) return false;
    this.#busy = true;
    this.#error = '';
    const answer = await this.#api.auth.checkRevnueToken({
      baseUrl: this.#baseUrl.trim(),
      token: this.#token,
    });
    this.#busy = false;
    if (!answer.ok) {
      this.#error = describeError(answer.error);
      return false;
    }
    this.#companies = answer.value;
    this.#company = answer.value.length === 1 ? (answer.value[0]?.id ?? null) : null;
    if (answer.value.length === 0) this.#error = 'Revnue lists no company for this token.';
    return answer.value.length > 0;
  }

  /** Saves the connection in the chosen company, then its token (main checks it once more). */
  async save(): Promise<string | null> {
    if (this.#busy || !this.#companies || this.#company === null || !this.#touchAll()) return null;
    this.#busy = true;
    this.#error = '';
    try {
      const created = await this.#api.connections.create({
        kind: 'revnue-v2',
        name: this.#name,
        baseUrl: this.#baseUrl.trim(),
        auth: { mode: 'admin_token' },
        company: this.#company,
      });
      if (!created.ok) {
        this.#error = describeError(created.error);
        return null;
      }
      const signedIn = await this.#api.auth.setToken({
        connectionId: created.value.id,
        token: this.#token,
      });
      if (!signedIn.ok) {
        this.#error = `The connection was saved, but signing in failed: ${describeError(signedIn.error)}`;
      }
      return created.value.id;
    } finally {
      this.#busy = false;
    }
  }
}
