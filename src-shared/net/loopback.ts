// src-shared/net: which addresses and links the app accepts (https, loopback http, customer links),
// pure, so main and the renderer decide alike.
//
// Where plain http is acceptable: only when the traffic never leaves this computer (the sandbox, a
// local proxy). One definition for the connection schema, sign-in and the HTTP clients.

/** localhost, [::1] or an IPv4 address in 127.0.0.0/8 — compared as a whole host, never a prefix. */
export function isLoopbackUrl(url: string | URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname;
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    /^127\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)$/.test(
      host,
    )
  );
}

/** https anywhere; http only on loopback. Anything else (ftp:, file:, http to a remote host) no. */
export function isAllowedApiUrl(url: string | URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackUrl(parsed));
}
