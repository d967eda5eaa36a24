// "Add Unibiz R2 connection": name, base URL, the sign-in server (an issuer whose RFC 8414
// metadata names the endpoints, or the endpoints typed in), the client ID, and either the
// browser sign-in (Authorization Code + PKCE) or a service client with its secret.
import type { NewConnection, R2AuthSettings } from '../../../src-shared/connection';
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import { describeError } from '../../lib/state/error-message';
import { baseUrlSchema, connectionNameSchema, messageOf } from './field-check';

type Field =
  | 'name'
  | 'baseUrl'
  | 'issuer'
  | 'authorizationEndpoint'
  | 'tokenEndpoint'
  | 'clientId'
  | 'clientSecret';

export class R2ConnectionForm {
  #values = $state<Record<Field | 'scope', string>>({
    name: '',
    baseUrl: '',
    issuer: '',
    authorizationEndpoint: '',
    tokenEndpoint: '',
    clientId: '',
    clientSecret: '',
    scope: '',
  });
  #touched = $state<Partial<Record<Field, boolean>>>({});
  #endpoints = $state<'issuer' | 'typed'>('issuer');
  #signIn = $state<'browser' | 'service'>('browser');
  #busy = $state(false);
  #error = $state('');
  readonly #api: FieldbookApi;

  constructor(api: FieldbookApi) {
    this.#api = api;
  }

  value(field: Field | 'scope'): string {
    return this.#values[field];
  }
  set(field: Field | 'scope', value: string): void {
    this.#values[field] = value;
    if (field !== 'scope') this.#touched[field] = true;
  }
  get endpoints() {
    return this.#endpoints;
  }
  set endpoints(value: 'issuer' | 'typed') {
    this.#endpoints = value;
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

  #connection(): NewConnection {
    const v = this.#values;
    const scope = v.scope.trim() ? { scope: v.scope.trim() } : {};
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
