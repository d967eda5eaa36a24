// A created record's id from the `Location` header (R2: `201` + `Location: /r2/customers/{id}`).
// The header may be relative or absolute; it is resolved against the request URL per RFC 9110.
// Only a Location on the request's own origin, naming a record of `collection`, yields an id: a
// server pointing elsewhere is not telling us where OUR record is.

export function idFromLocation(
  location: string | null,
  requestUrl: string,
  collection?: string,
): string | undefined {
  if (!location) return undefined;
  let url: URL;
  try {
    url = new URL(location, requestUrl);
    if (url.origin !== new URL(requestUrl).origin) return undefined;
  } catch {
    return undefined;
  }
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const last = segments.at(-1);
  if (collection !== undefined && (segments.length < 2 || segments.at(-2) !== collection)) {
    return undefined;
  }
  try {
    return last ? decodeURIComponent(last) : undefined;
  } catch {
    return undefined; // a malformed %-escape
  }
}
