// Fresh secrets for a new sandbox: cookie keys, the ID-token signing key and the service client's
// secret. With `--data` they are persisted so tokens and sessions survive restarts.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { ProviderSecrets } from './provider';

export function generateProviderSecrets(): ProviderSecrets {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    cookieKeys: [randomBytes(32).toString('base64url')],
    signingKey: {
      ...privateKey.export({ format: 'jwk' }),
      use: 'sig',
      alg: 'RS256',
      kid: randomBytes(8).toString('hex'),
    },
    serviceClientSecret: randomBytes(24).toString('base64url'),
  };
}

export function generateRevnueToken(): string {
  return `rvn_${randomBytes(20).toString('hex')}`;
}
