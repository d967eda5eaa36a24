// Adds a connection the way Settings does (connections.create, then the token or the browser
// sign-in) through window.fieldbook, for specs about something else than Settings — settings.spec
// fills the forms by hand. Works on both targets: the preload and the harness give the same API.
import type { Page } from '@playwright/test';
import type { FieldbookApi } from '../../src-shared/ipc/fieldbook-api';
import type { Sandbox } from '../../sandbox/index';

/** `window.fieldbook` inside page.evaluate (this file is compiled without the DOM library). */
declare global {
  var fieldbook: FieldbookApi;
}

export async function connectRevnue(page: Page, sandbox: Sandbox, name: string): Promise<string> {
  const { baseUrl, company, token } = sandbox.revnue;
  return page.evaluate(
    async ({ name, baseUrl, company, token }) => {
      const api = globalThis.fieldbook;
      const created = await api.connections.create({
        kind: 'revnue-v2',
        name,
        baseUrl,
        auth: { mode: 'admin_token' },
        company,
      });
      if (!created.ok) throw new Error(created.error.message);
      const signedIn = await api.auth.setToken({ connectionId: created.value.id, token });
      if (!signedIn.ok) throw new Error(signedIn.error.message);
      return created.value.id;
    },
    { name, baseUrl, company, token },
  );
}

export async function connectR2(page: Page, sandbox: Sandbox, name: string): Promise<string> {
  const { baseUrl, issuer, publicClientId } = sandbox.r2;
  return page.evaluate(
    async ({ name, baseUrl, issuer, clientId }) => {
      const api = globalThis.fieldbook;
      const created = await api.connections.create({
        kind: 'r2',
        name,
        baseUrl,
        auth: { mode: 'pkce', clientId, issuer, scope: 'customers' },
      });
      if (!created.ok) throw new Error(created.error.message);
      const signedIn = await api.auth.signIn({ connectionId: created.value.id });
      if (!signedIn.ok) throw new Error(signedIn.error.message);
      return created.value.id;
    },
    { name, baseUrl, issuer, clientId: publicClientId },
  );
}
