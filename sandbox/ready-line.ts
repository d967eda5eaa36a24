// The one JSON line the sandbox prints when it is ready (docs/sandbox.md): exactly these keys, in
// this shape. The CLI prints it; the e2e harness embeds the same object in its own ready line.
import type { Sandbox } from './index';

/** The sandbox's own description minus what only tests use (every token, every redirect URI). */
export interface SandboxReadyLine {
  url: Sandbox['url'];
  revnue: Omit<Sandbox['revnue'], 'tokens'>;
  r2: Omit<Sandbox['r2'], 'redirectUris'>;
}

export function sandboxReadyLine({ url, revnue, r2 }: Sandbox): SandboxReadyLine {
  return {
    url,
    revnue: { baseUrl: revnue.baseUrl, token: revnue.token, company: revnue.company },
    r2: {
      baseUrl: r2.baseUrl,
      issuer: r2.issuer,
      publicClientId: r2.publicClientId,
      serviceClientId: r2.serviceClientId,
      serviceClientSecret: r2.serviceClientSecret,
      username: r2.username,
      password: r2.password,
    },
  };
}
