// A minimal "browser" for tests: fetch with manual redirects and a cookie jar, enough to walk
// the R2 sign-in (authorize → login form → resume → loopback redirect) as a real browser would.

export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = /expires=Thu, 01 Jan 1970/i.test(header) || value === '';
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export class TestBrowser {
  readonly jar = new CookieJar();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header();
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.jar.store(response);
    return response;
  }

  /** Follows redirects until one leaves `origin` (e.g. to the app's loopback redirect URI). */
  async follow(
    url: string,
    origin: string,
    init: RequestInit = {},
  ): Promise<{ response: Response; leftTo?: string }> {
    let response = await this.request(url, init);
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response };
      const next = new URL(location, response.url || url).href;
      if (!next.startsWith(origin)) return { response, leftTo: next };
      response = await this.request(next);
    }
    throw new Error('Too many redirects');
  }

  async submitForm(url: string, origin: string, fields: Record<string, string>) {
    return this.follow(url, origin, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}
