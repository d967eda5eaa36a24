// vCard 4.0 (RFC 6350) of one person or company: the properties address books read (FN, N, ORG,
// TITLE, EMAIL, TEL, ADR), text escaped (§3.4), lines folded at 75 octets without ever splitting a
// UTF-8 sequence (§3.2), CRLF line ends. Our own small writer: the npm vCard packages are either
// unmaintained for years or vCard 3.0 only, and this is all of the format an export needs.

export type VCardPhoneType = 'work' | 'home' | 'cell' | 'fax' | 'pager' | 'voice';

export interface VCardAddress {
  readonly street: string;
  readonly locality: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: string;
  readonly type?: 'work' | 'home';
}

export interface VCardContact {
  /** The formatted name: required, never empty (RFC 6350 §6.2.1). */
  readonly fn: string;
  readonly family?: string;
  readonly given?: string;
  readonly additional?: string;
  readonly org?: string;
  readonly title?: string;
  readonly emails?: readonly string[];
  readonly phones?: readonly { readonly value: string; readonly type: VCardPhoneType }[];
  readonly addresses?: readonly VCardAddress[];
}

export const VCARD_LINE_END = '\r\n';
/** §3.2: a line SHOULD NOT be longer than 75 octets, excluding the line break. */
export const VCARD_FOLD_OCTETS = 75;

/** §3.4: backslash, comma and newline are escaped in every text value (`;` too in a component). */
export function escapeText(value: string): string {
  return value.replace(/[\\,;]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');
}

function octetsOf(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line: each physical line at most 75 octets (a continuation line's leading
 * space counts), broken only between code points so no UTF-8 sequence is split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = octetsOf(char.codePointAt(0)!);
    if (octets + size > VCARD_FOLD_OCTETS) {
      parts.push(current);
      // The continuation's first octet is the space that marks it.
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(VCARD_LINE_END);
}

const has = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';

/** One vCard, every line folded and ended with CRLF. */
export function vcardOf(contact: VCardContact): string {
  const fn = contact.fn.trim() === '' ? 'Unnamed' : contact.fn.trim();
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(fn)}`];
  // N has five components (family; given; additional; prefixes; suffixes); it is written even
  // when unknown, as the vCard 3 readers many address books still are require it.
  const n = [contact.family, contact.given, contact.additional, '', ''].map((part) =>
    escapeText((part ?? '').trim()),
  );
  lines.push(`N:${n.join(';')}`);
  if (has(contact.org)) lines.push(`ORG:${escapeText(contact.org.trim())}`);
  if (has(contact.title)) lines.push(`TITLE:${escapeText(contact.title.trim())}`);
  for (const email of contact.emails ?? []) {
    if (has(email)) lines.push(`EMAIL;TYPE=work:${escapeText(email.trim())}`);
  }
  for (const phone of contact.phones ?? []) {
    if (has(phone.value)) lines.push(`TEL;TYPE=${phone.type}:${escapeText(phone.value.trim())}`);
  }
  for (const address of contact.addresses ?? []) {
    // ADR: PO box; extended address; street; locality; region; postal code; country.
    const parts = [
      '',
      '',
      address.street,
      address.locality,
      address.region,
      address.postalCode,
      address.country,
    ];
    if (parts.every((part) => part.trim() === '')) continue;
    const value = parts.map((part) => escapeText(part.trim())).join(';');
    lines.push(`ADR;TYPE=${address.type ?? 'work'}:${value}`);
  }
  lines.push('END:VCARD');
  return lines.map((line) => foldLine(line) + VCARD_LINE_END).join('');
}
