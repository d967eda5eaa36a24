// Links that open Fieldbook itself on one customer: `fieldbook://customer/<connection id>/<key>`.
// ONE pure function composes them (the editor's "Copy link") and ONE parses what the operating
// system hands main (argv, macOS open-url); anything not exactly well-formed is refused in words.

export const appLinkScheme = 'fieldbook';
const prefix = `${appLinkScheme}://customer/`;
/** Longer than any connection id (a uuid) plus customer key; a link past it is not ours. */
const maxLinkLength = 1024;
const maxPartLength = 256;

export interface CustomerLinkTarget {
  readonly connectionId: string;
  readonly customerKey: string;
}

export type ParsedAppLink =
  | { readonly ok: true; readonly target: CustomerLinkTarget }
  | { readonly ok: false; readonly reason: string };

/** Letters, digits and a few marks: what connection ids (uuids) and keys (server ids) use. */
function isPlainPart(part: string): boolean {
  return (
    part.length <= maxPartLength &&
    /^[\p{L}\p{N}._~:@-]+$/u.test(part) &&
    /[\p{L}\p{N}]/u.test(part)
  );
}

/** The link to one customer, or null when an id could not round-trip through a link. */
export function customerAppLink(connectionId: string, customerKey: string): string | null {
  if (!isPlainPart(connectionId) || !isPlainPart(customerKey)) return null;
  return `${prefix}${encodeURIComponent(connectionId)}/${encodeURIComponent(customerKey)}`;
}

const notOurs = 'This is not a Fieldbook customer link (they start with fieldbook://customer/).';
const malformed =
  'This Fieldbook link is damaged: it should be fieldbook://customer/<connection>/<customer>.';

/** Whether a command-line argument or URL looks meant for us (so argv's other words are ignored). */
export function isAppLinkCandidate(raw: string): boolean {
  return raw.slice(0, appLinkScheme.length + 1).toLowerCase() === `${appLinkScheme}:`;
}

/**
 * The customer a link names, or why it is refused. Only the canonical form is accepted — the one
 * `customerAppLink` writes — so there is exactly one spelling of each link and no tricks with
 * dot segments, queries, credentials, doubled slashes or odd escapes.
 */
export function parseCustomerAppLink(raw: string): ParsedAppLink {
  if (typeof raw !== 'string' || !isAppLinkCandidate(raw)) return { ok: false, reason: notOurs };
  if (raw.length > maxLinkLength) return { ok: false, reason: malformed };
  // The scheme's case is the OS's business; the rest must be exactly as we write it.
  const link = `${appLinkScheme}${raw.slice(appLinkScheme.length)}`;
  // A trailing slash is what some launchers add; it carries nothing.
  const trimmed = link.endsWith('/') ? link.slice(0, -1) : link;
  if (!trimmed.startsWith(prefix)) return { ok: false, reason: malformed };
  const parts = trimmed.slice(prefix.length).split('/');
  if (parts.length !== 2) return { ok: false, reason: malformed };
  let decoded: string[];
  try {
    decoded = parts.map((part) => decodeURIComponent(part));
  } catch {
    return { ok: false, reason: malformed };
  }
  const [connectionId, customerKey] = decoded as [string, string];
  if (customerAppLink(connectionId, customerKey) !== trimmed) {
    return { ok: false, reason: malformed };
  }
  return { ok: true, target: { connectionId, customerKey } };
}
