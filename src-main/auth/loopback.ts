// Loopback detection shared by the auth code: plain http is acceptable only when the traffic never
// leaves this computer (the sandbox, a local proxy), matching src-shared/connection.ts.

export function isLoopbackUrl(url: string | URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** https anywhere; http only on loopback. */
export function isAllowedAuthUrl(url: string | URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackUrl(parsed));
}
