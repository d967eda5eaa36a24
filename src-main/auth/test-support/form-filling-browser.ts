// Test stand-ins for the system browser. `createFormFillingBrowser` does what a person does: loads
// the sign-in page (keeping cookies), submits the login form, follows redirects to the loopback URI.
import { demoUser } from '../../../sandbox/options';
import type { FetchLike } from '../oauth-server';
import type { SystemBrowser } from '../system-browser';
import { readForms, type HtmlForm } from './html-forms';

export interface ScriptedBrowser extends SystemBrowser {
  /** Every URL the app asked the browser to open, in order. */
  readonly opened: string[];
  /** Resolves when every journey started so far has ended; rejects with the first that failed. */
  settled(): Promise<void>;
}

export interface FormFillingOptions {
  username?: string;
  password?: string;
  /** `cancel` presses the login page's Cancel button instead of signing in. */
  action?: 'sign-in' | 'cancel';
  fetch?: FetchLike;
}

const MAX_STEPS = 20;

class CookieJar {
  readonly #cookies = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.#cookies.get(url.host) ?? [])]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  store(url: URL, response: Response): void {
    const jar = this.#cookies.get(url.host) ?? new Map<string, string>();
    this.#cookies.set(url.host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
  }
}

function pickForm(forms: HtmlForm[], action: 'sign-in' | 'cancel'): HtmlForm | undefined {
  if (action === 'cancel') return forms.find((f) => /abort|cancel/i.test(f.action));
  return forms.find((f) => f.inputs.some((i) => i.type === 'password')) ?? forms[0];
}

function fill(form: HtmlForm, username: string, password: string): URLSearchParams {
  const body = new URLSearchParams();
  for (const input of form.inputs) {
    if (input.type === 'password') body.set(input.name, password);
    else if (/user|login|email/i.test(input.name)) body.set(input.name, username);
    else body.set(input.name, input.value);
  }
  return body;
}

function scripted(journey: (url: string) => Promise<void>): ScriptedBrowser {
  const opened: string[] = [];
  const journeys: Promise<void>[] = [];
  return {
    opened,
    async open(url) {
      opened.push(url);
      // Like shell.openExternal: returns once the browser has the URL, not when the user is done.
      const running = journey(url);
      running.catch(() => {});
      journeys.push(running);
    },
    settled: async () => {
      await Promise.all(journeys);
    },
  };
}

export function createFormFillingBrowser(options: FormFillingOptions = {}): ScriptedBrowser {
  const username = options.username ?? demoUser.username;
  const password = options.password ?? demoUser.password;
  const action = options.action ?? 'sign-in';
  const fetchImpl = options.fetch ?? fetch;

  return scripted(async (startUrl) => {
    const redirectUri = new URL(startUrl).searchParams.get('redirect_uri') ?? '';
    const jar = new CookieJar();
    let url = new URL(startUrl);
    let request: RequestInit = { method: 'GET' };
    for (let step = 0; step < MAX_STEPS; step += 1) {
      if (redirectUri && url.href.startsWith(redirectUri)) {
        // The app's loopback listener: the journey ends here, whatever it answers.
        await (await fetchImpl(url)).text();
        return;
      }
      const headers = new Headers(request.headers);
      const cookie = jar.header(url);
      if (cookie) headers.set('Cookie', cookie);
      const response = await fetchImpl(url, { ...request, headers, redirect: 'manual' });
      jar.store(url, response);
      const location = response.headers.get('Location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url);
        request = { method: 'GET' };
        continue;
      }
      const html = await response.text();
      const form = response.ok ? pickForm(readForms(html), action) : undefined;
      if (!form)
        throw new Error(
          `The sign-in page at ${url.pathname} answered ${response.status} without a form`,
        );
      const body = fill(form, username, password);
      const target = new URL(form.action || url.href, url);
      if (form.method === 'POST') {
        request = {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        };
        url = target;
      } else {
        target.search = body.toString();
        request = { method: 'GET' };
        url = target;
      }
    }
    throw new Error(`The sign-in did not reach ${redirectUri} within ${MAX_STEPS} steps`);
  });
}

/** The user closes the browser tab: the sign-in never comes back (for cancel and time-out tests). */
export function createAbandoningBrowser(): ScriptedBrowser {
  return scripted(async () => {});
}
