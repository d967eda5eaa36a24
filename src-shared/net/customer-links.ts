// Links composed from customer data (a record's website and e-mail fields): the only https: and
// mailto: URLs the app itself may ask main to open. A value that is not plainly one of those —
// javascript:, file:, data:, credentials in the URL, a host spelled with look-alike characters —
// composes to null and the UI shows it as text. Map links: maps-link.ts.
import { isComposedMapsLink } from './maps-link';

const maxLength = 2048;

/** Hosts a browser would show differently from how they read: punycode and non-ASCII letters. */
function isPlainHost(hostname: string): boolean {
  if (!/^[a-z0-9.-]+$/.test(hostname)) return false;
  const labels = hostname.split('.');
  if (labels.length < 2 || labels.some((label) => label === '' || label.length > 63)) return false;
  // xn-- is an IDN spelled in ASCII: the look-alike (раураl.com) trick.
  if (
    labels.some((label) => label.startsWith('xn--') || label.startsWith('-') || label.endsWith('-'))
  ) {
    return false;
  }
  // The top-level label is letters: no bare IP addresses (a phishing favourite) or numbers.
  return /^[a-z]{2,63}$/.test(labels.at(-1)!);
}

/** `https://host/…` for a website field, or null when the value is not a safe https link. */
export function websiteHref(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > maxLength || /[\s\\]/.test(trimmed)) return null;
  // Bare host ("example.com/about"): only when it has no scheme of its own.
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  if (hasScheme && !/^https:\/\//i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '' || !isPlainHost(url.hostname)) return null;
  // What was typed between the scheme and the path: only letters, digits, dots and dashes — so no
  // `user:password@` (credentials) and no non-ASCII letters (URL would turn them into punycode).
  const typedHost = (hasScheme ? trimmed.slice('https://'.length) : trimmed).split(/[/?#]/)[0];
  if (!typedHost || !/^[A-Za-z0-9.-]+$/.test(typedHost)) return null;
  return url.href;
}

// No `/` (a `mailto://…` look-alike), no `?`/`,` (extra headers or recipients), no `#` (the rest
// would be a fragment, not the address) and no `%` (`%0a`, `%3f` decode to a new header line or a
// `?` in the mail program; a real address practically never has one).
const emailPattern = /^[A-Za-z0-9.!$&'*+=^_`{|}~-]+@[A-Za-z0-9.-]+$/;

/** `mailto:address` for an e-mail field, or null. Nothing but the address: no ?subject or cc. */
export function mailtoHref(email: string): string | null {
  const trimmed = email.trim();
  if (trimmed.length > 254 || !emailPattern.test(trimmed)) return null;
  const domain = trimmed.slice(trimmed.lastIndexOf('@') + 1).toLowerCase();
  if (!isPlainHost(domain)) return null;
  return `mailto:${trimmed}`;
}

/** Whether `url` is exactly what one of the composers would produce (what `links.open` takes). */
export function isComposedLink(url: string): boolean {
  if (url.startsWith('mailto:')) return mailtoHref(url.slice('mailto:'.length)) === url;
  if (isComposedMapsLink(url)) return true;
  return url.startsWith('https://') && websiteHref(url) === url;
}
