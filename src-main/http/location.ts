// A created record's id from the `Location` header (R2: `201` + `Location: /r2/customers/{id}`).
// The header may be relative or absolute; it is resolved against the request URL per RFC 9110.

export function idFromLocation(location: string | null, requestUrl: string): string | undefined {
  if (!location) return undefined;
  let url: URL;
  try {
    url = new URL(location, requestUrl);
  } catch {
    return undefined;
  }
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const last = segments.at(-1);
  return last ? decodeURIComponent(last) : undefined;
}
