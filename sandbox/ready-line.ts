// The one JSON line the sandbox prints when it is ready (issue 3): exactly these keys, in this
// shape. The CLI prints it; the e2e harness embeds the same object in its own ready line.
import type { Sandbox } from './index';

export interface SandboxReadyLine {
  url: string;
  revnue: { baseUrl: string; token: string; company: number };
  r2: {
    baseUrl: string;
    issuer: string;
    publicClientId: string;
    serviceClientId: string;
    serviceClientSecret: string;
    username: string;
    password: string;
  };
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
