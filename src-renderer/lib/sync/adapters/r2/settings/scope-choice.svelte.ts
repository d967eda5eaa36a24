// The R2 form's scope: the scopes the issuer's metadata lists (asked of main, which reads it),
// ticked by default from src-shared/auth/oauth-scopes.ts, or free text when none are listed.
import {
  defaultScopes,
  offeredScopes,
  refreshScope,
  scopeParameter,
  type ScopeGrant,
} from '../../../../../../src-shared/auth/oauth-scopes';
import type { FieldbookApi } from '../../../../../../src-shared/ipc/fieldbook-api';
import { describeError } from '../../../../state/error-message';

/** Where the lookup of the issuer's scopes stands; every state but `none` names its issuer. */
export type ScopeLookup =
  | { state: 'none' }
  | { state: 'reading'; issuer: string }
  | { state: 'listed'; issuer: string; scopes: string[] }
  | { state: 'unlisted'; issuer: string; message: string };

const typeIfNamed = 'Type one only if your administrator names one, e.g. customers.';

export class ScopeChoice {
  #lookup = $state<ScopeLookup>({ state: 'none' });
  /** The scopes the user ticked; null until they change one, so the defaults follow the grant. */
  #ticked = $state<string[] | null>(null);
  #typed = $state('');
  #reading: Promise<void> = Promise.resolve();
  readonly #api: FieldbookApi;

  constructor(api: FieldbookApi) {
    this.#api = api;
  }

  get lookup(): ScopeLookup {
    return this.#lookup;
  }
  get typed(): string {
    return this.#typed;
  }
  set typed(value: string) {
    this.#typed = value;
  }

  /** Free text, with why: no issuer to ask, or it listed none, or it could not be read. */
  get freeTextHint(): string {
    const lookup = this.#lookup;
    if (lookup.state === 'unlisted') return `${lookup.message} ${typeIfNamed}`;
    return 'Only if your administrator names one, e.g. customers.';
  }

  /** Under the checkboxes: where they come from and why these are ticked. */
  offeredHint(grant: ScopeGrant): string {
    const staySignedIn = this.offered(grant).includes(refreshScope)
      ? ` (${refreshScope} keeps you signed in)`
      : '';
    return `The sign-in server offers these. Fieldbook ticked the ones it needs${staySignedIn}; change them only if your administrator says so.`;
  }

  /** The scopes shown as checkboxes for this grant; empty when the field is free text. */
  offered(grant: ScopeGrant): string[] {
    return this.#lookup.state === 'listed' ? offeredScopes(this.#lookup.scopes, grant) : [];
  }

  isTicked(scope: string, grant: ScopeGrant): boolean {
    return this.#tickedFor(grant).includes(scope);
  }

  tick(scope: string, grant: ScopeGrant, on: boolean): void {
    const rest = this.#tickedFor(grant).filter((ticked) => ticked !== scope);
    this.#ticked = on ? [...rest, scope] : rest;
  }

  /** The `scope` the connection asks for: the ticked scopes, or what was typed. */
  parameter(grant: ScopeGrant): string {
    const offered = this.offered(grant);
    return offered.length > 0
      ? scopeParameter(offered, this.#tickedFor(grant))
      : this.#typed.trim();
  }

  /**
   * Asks main for the scopes `issuer` lists, once per issuer; `null` (typed endpoints, or no valid
   * issuer yet) goes back to free text. Resolves when the answer for this issuer is in.
   */
  lookUp(issuer: string | null): Promise<void> {
    const current = this.#lookup;
    if (issuer === null) {
      this.#lookup = { state: 'none' };
      return Promise.resolve();
    }
    if (current.state !== 'none' && current.issuer === issuer) return this.#reading;
    this.#lookup = { state: 'reading', issuer };
    this.#ticked = null;
    this.#reading = this.#read(issuer);
    return this.#reading;
  }

  async #read(issuer: string): Promise<void> {
    const answer = await this.#api.auth.offeredScopes({ issuer });
    // The user may have typed another issuer meanwhile: only the newest question's answer counts.
    if (this.#lookup.state !== 'reading' || this.#lookup.issuer !== issuer) return;
    if (!answer.ok) {
      const reason = describeError(answer.error);
      this.#lookup = {
        state: 'unlisted',
        issuer,
        message: `Fieldbook could not read the scopes the sign-in server offers: ${reason}`,
      };
    } else if (answer.value.scopes.length === 0) {
      this.#lookup = { state: 'unlisted', issuer, message: 'The sign-in server lists no scopes.' };
    } else {
      this.#lookup = { state: 'listed', issuer, scopes: answer.value.scopes };
    }
  }

  #tickedFor(grant: ScopeGrant): string[] {
    if (this.#lookup.state !== 'listed') return [];
    return this.#ticked ?? defaultScopes(this.#lookup.scopes, grant);
  }
}
