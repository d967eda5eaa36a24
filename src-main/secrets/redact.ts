// Scrubs secrets out of any text before it reaches a log, an error message or a Result. Two nets:
// patterns (bearer headers, token/secret fields in JSON, forms and URLs) and the exact token
// strings main has handled, so a token echoed in some unexpected place is caught as well.

const REDACTED = '[redacted]';
const secretFieldNames = [
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'code_verifier',
  'accessToken',
  'refreshToken',
  'clientSecret',
];
const fieldAlternation = secretFieldNames.join('|');

const token68 = '[A-Za-z0-9\\-._~+/]+=*';
const bearer = new RegExp(`\\b(Bearer)\\s+${token68}`, 'gi');
// Other schemes only after "Authorization", so prose like "Token expired" stays readable.
const otherSchemes = new RegExp(
  `(Authorization["']?\\s*[:=]\\s*["']?(?:Basic|Token))\\s+${token68}`,
  'gi',
);
// "access_token": "abc"  and  'refresh_token':'abc'
const jsonField = new RegExp(
  `(["']?(?:${fieldAlternation})["']?\\s*:\\s*)(["'])(?:\\\\.|(?!\\2).)*\\2`,
  'g',
);
// access_token=abc (form bodies, query strings)
const formField = new RegExp(`\\b((?:${fieldAlternation})=)[^&\\s"']+`, 'g');

/** Known secret strings; bounded so a long-running main process does not grow forever. */
const knownSecrets = new Set<string>();
const MAX_KNOWN = 500;
/** Shorter strings would redact ordinary words; real tokens are far longer. */
const MIN_KNOWN_LENGTH = 8;

/** Remember a secret so that `redactSecrets` removes it wherever it appears. */
export function rememberSecret(secret: string | undefined): void {
  if (!secret || secret.length < MIN_KNOWN_LENGTH) return;
  knownSecrets.delete(secret);
  knownSecrets.add(secret);
  if (knownSecrets.size > MAX_KNOWN) {
    const oldest = knownSecrets.values().next().value;
    if (oldest !== undefined) knownSecrets.delete(oldest);
  }
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  out = out.replace(bearer, (_match, scheme: string) => `${scheme} ${REDACTED}`);
  out = out.replace(otherSchemes, (_match, prefix: string) => `${prefix} ${REDACTED}`);
  out = out.replace(
    jsonField,
    (_m, key: string, quote: string) => `${key}${quote}${REDACTED}${quote}`,
  );
  out = out.replace(formField, (_match, key: string) => `${key}${REDACTED}`);
  return out;
}
