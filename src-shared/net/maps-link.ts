// "Open in maps": the one map link the app may ask main to open, composed from a postal address's
// text. Whatever the address holds — a URL, a scheme, `#`, `&`, line breaks — it only ever becomes
// the search query of OpenStreetMap's search page, percent-encoded, never the origin or the path.

/** Everything a composed maps link starts with; the rest is `encodeURIComponent(query)`. */
export const mapsSearchPrefix = 'https://www.openstreetmap.org/search?query=';

/** Longer than any postal address; longer text is not an address (and makes no useful search). */
export const maxMapsQueryLength = 500;

/**
 * The search query for an address text: control characters and runs of white space become one
 * space, the ends are trimmed. '' when nothing is left.
 */
export function mapsQueryOf(address: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
  return address.replace(/[\u0000-\u001f\u007f-\u009f\s]+/gu, ' ').trim();
}

/** The OpenStreetMap search for `address`, or null when it is empty or too long to be one. */
export function mapsHref(address: string): string | null {
  const query = mapsQueryOf(address);
  if (query === '' || query.length > maxMapsQueryLength) return null;
  // encodeURIComponent throws on a lone surrogate: such text is not an address either.
  try {
    return `${mapsSearchPrefix}${encodeURIComponent(query)}`;
  } catch {
    return null;
  }
}

/** Whether `url` is exactly what mapsHref composes for some address (what `links.open` opens). */
export function isComposedMapsLink(url: string): boolean {
  if (!url.startsWith(mapsSearchPrefix)) return false;
  let query: string;
  try {
    query = decodeURIComponent(url.slice(mapsSearchPrefix.length));
  } catch {
    return false;
  }
  return mapsHref(query) === url;
}

/** The address parts (fields' texts, in writing order) as one line: the empty ones left out. */
export function addressLine(parts: readonly (string | null | undefined)[]): string {
  return parts
    .map((part) => mapsQueryOf(part ?? ''))
    .filter((part) => part !== '')
    .join(', ');
}
