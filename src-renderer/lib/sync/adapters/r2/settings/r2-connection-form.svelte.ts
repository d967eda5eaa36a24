// "Add Unibiz R2 connection": name, base URL, the sign-in server (an issuer whose RFC 8414
// metadata names the endpoints and the scopes to offer, or the endpoints typed in), the client ID,
// and either the browser sign-in (Authorization Code + PKCE) or a service client with its secret.
import type { NewConnection, R2AuthSettings } from '../../../../../../src-shared/connection';
import type { FieldbookApi } from '../../../../../../src-shared/ipc/fieldbook-api';
import { describeError } from '../../../../state/error-message';
import {
  baseUrlSchema,
  connectionNameSchema,
  messageOf,
} from '../../../../../features/settings/field-check';
import { ScopeChoice } from './scope-choice.svelte';

type Field =
  | 'name'
  | 'baseUrl'
  | 'issuer'
  | 'authorizationEndpoint'
  | 'tokenEndpoint'
  | 'clientId'
  | 'clientSecret';

export class R2ConnectionForm {
  #values = $state<Record<Field, string>>({
    name: '',
    baseUrl: '',
    issuer: '',
    authorizationEndpoint: '',
    tokenEndpoint: '',
    clientId: '',
    clientSecret: '',
  });
  #touched = $state<Partial<Record<Field, boolean>>>({});
  #endpoints = $state<'issuer' | 'typed'>('issuer');
  #signIn = $state<'browser' | 'service'>('browser');
  #busy = $state(false);
  #error = $state('');
  readonly #api: FieldbookApi;
  /** The scope to ask for: offered by the issuer's metadata, or typed. */
  readonly scopes: ScopeChoice;

  constructor(api: FieldbookApi) {
    this.#api = api;
    this.scopes = new ScopeChoice(api);
  }

  value(field: Field): string {
    return this.#values[field];
  }
  set(field: Field, value: string): void {
    this.#values[field] = value;
    this.#touched[field] = true;
  }
  /** The issuer was typed and left: ask which scopes it offers (once per issuer). */
  issuerCommitted(): void {
    void this.scopes.lookUp(this.#issuerToAsk());
  }
  get endpoints() {
    return this.#endpoints;
  }
  set endpoints(value: 'issuer' | 'typed') {
    this.#endpoints = value;
    void this.scopes.lookUp(this.#issuerToAsk());
  }
  get signIn() {
    return this.#signIn;
  }
  set signIn(value: 'browser' | 'service') {
    this.#signIn = value;
  }
  get busy() {
    return this.#busy;
  }
  get error() {
    return this.#error;
  }

  /** The fields this choice of endpoints and sign-in shows. */
  get fields(): readonly Field[] {
    const server: Field[] =
      this.#endpoints === 'issuer'
        ? ['issuer']
        : this.#signIn === 'browser'
          ? ['authorizationEndpoint', 'tokenEndpoint']
          : ['tokenEndpoint'];
    return [
      'name',
      'baseUrl',
      ...server,
      'clientId',
      ...(this.#signIn === 'service' ? (['clientSecret'] as const) : []),
    ];
  }

  messageFor(field: Field): string {
    if (!this.#touched[field]) return '';
    const value = this.#values[field];
    switch (field) {
      case 'name':
        return messageOf(connectionNameSchema, value);
      case 'baseUrl':
      case 'issuer':
      case 'authorizationEndpoint':
      case 'tokenEndpoint':
        return messageOf(baseUrlSchema, value);
      case 'clientId':
        return value.trim() ? '' : 'Client ID is required';
      case 'clientSecret':
        return value.trim() ? '' : 'Client secret is required';
    }
  }

  #touchAll(): boolean {
    for (const field of this.fields) this.#touched[field] = true;
    return this.fields.every((field) => this.messageFor(field) === '');
  }

  /** A valid issuer to read the scopes of, or null (typed endpoints: the scope is free text). */
  #issuerToAsk(): string | null {
    const issuer = this.#values.issuer.trim();
    if (this.#endpoints !== 'issuer' || messageOf(baseUrlSchema, issuer) !== '') return null;
    return issuer;
  }

  #connection(): NewConnection {
    const v = this.#values;
    const parameter = this.scopes.parameter(this.#signIn);
    const scope = parameter ? { scope: parameter } : {};
    const server =
      this.#endpoints === 'issuer'
        ? { issuer: v.issuer.trim() }
        : this.#signIn === 'browser'
          ? {
              authorizationEndpoint: v.authorizationEndpoint.trim(),
              tokenEndpoint: v.tokenEndpoint.trim(),
            }
          : { tokenEndpoint: v.tokenEndpoint.trim() };
    const auth: R2AuthSettings =
      this.#signIn === 'browser'
        ? { mode: 'pkce', clientId: v.clientId.trim(), ...server, ...scope }
        : { mode: 'client_credentials', clientId: v.clientId.trim(), ...server, ...scope };
    return { kind: 'r2', name: v.name, baseUrl: v.baseUrl.trim(), auth };
  }

  /** Saves the connection and signs in (browser, or the service secret). */
  async save(): Promise<string | null> {
    if (this.#busy || !this.#touchAll()) return null;
    this.#busy = true;
    this.#error = '';
    try {
      // Saved before its scopes were read (e.g. Enter right after the issuer): read them first,
      // so the connection asks for the offered default instead of an empty grant.
      await this.scopes.lookUp(this.#issuerToAsk());
      const created = await this.#api.connections.create(this.#connection());
      if (!created.ok) {
        this.#error = describeError(created.error);
        return null;
      }
      const connectionId = created.value.id;
      const signedIn =
        this.#signIn === 'browser'
          ? await this.#api.auth.signIn({ connectionId })
          : await this.#api.auth.signInService({
              connectionId,
              clientSecret: this.#values.clientSecret,
            });
      if (!signedIn.ok) {
        this.#error = `The connection was saved, but signing in failed: ${describeError(signedIn.error)} Sign in again from its settings.`;
      }
      return connectionId;
    } finally {
      this.#busy = false;
    }
  }
}

export const r2FieldLabels: Record<Field, string> = {
  name: 'Name',
  baseUrl: 'Base URL',
  issuer: 'Issuer',
  authorizationEndpoint: 'Authorization endpoint',
  tokenEndpoint: 'Token endpoint',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
};
