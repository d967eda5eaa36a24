// Opens a URL in the user's browser — only https: (or http: on this computer, for the sandbox's
// sign-in page when asked), and only URLs main composed itself: the sign-in page, and customer
// links (`links.open`) that main composed from a field's value — never a URL the window names.
import { shell } from 'electron';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import { isComposedLink } from '../../src-shared/net/customer-links';

export interface ExternalUrlOptions {
  /** Allow `http://127.0.0.1:…` / `http://localhost:…` (the local sandbox's sign-in page). */
  allowLoopbackHttp?: boolean;
}

const refused =
  'Fieldbook only opens secure (https://) addresses in your browser, so this link was not opened.';

/** The normalized URL to open, or why it is refused. No URL with a user name or password. */
export function checkExternalUrl(
  raw: string,
  { allowLoopbackHttp = false }: ExternalUrlOptions = {},
): Result<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('validation', refused);
  }
  if (url.username !== '' || url.password !== '' || url.hostname === '') {
    return fail('validation', refused);
  }
  if (url.protocol === 'https:') return ok(url.href);
  if (url.protocol === 'http:' && allowLoopbackHttp && isLoopbackHost(url.hostname)) {
    return ok(url.href);
  }
  return fail('validation', refused);
}

function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** The platform adapter the sign-in flow uses to show the authorization page. */
export async function openExternalSafely(
  raw: string,
  options: ExternalUrlOptions = {},
): Promise<Result<null>> {
  const checked = checkExternalUrl(raw, options);
  if (!checked.ok) return checked;
  try {
    await shell.openExternal(checked.value, { activate: true });
    return ok(null);
  } catch {
    return fail('network', 'Fieldbook could not open your web browser. Is a default browser set?');
  }
}

/**
 * `links.open`'s launcher: a customer's website (https:), e-mail address (mailto:) or map search
 * (https://www.openstreetmap.org/search?query=…), exactly as src-shared/net/customer-links.ts and
 * maps-link.ts compose them. Anything else — even from main — is refused.
 */
export async function openComposedLink(href: string): Promise<Result<null>> {
  if (!isComposedLink(href)) {
    return fail(
      'validation',
      'Fieldbook only opens website, e-mail and map links it composed itself.',
    );
  }
  // mailto: has no host, so it cannot pass checkExternalUrl; an https: link must pass it too.
  if (!href.startsWith('mailto:') && !checkExternalUrl(href).ok) {
    return fail('validation', refused);
  }
  try {
    await shell.openExternal(href, { activate: true });
    return ok(null);
  } catch {
    const program = href.startsWith('mailto:') ? 'e-mail program' : 'web browser';
    return fail('network', `Fieldbook could not open your ${program}. Is a default one set?`);
  }
}
