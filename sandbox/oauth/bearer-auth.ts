// Authorizes R2 API requests by looking the bearer token up in oidc-provider's own models (the
// tokens are opaque), so a revoked, rotated-out or expired token is rejected exactly as the
// authorization server sees it.
import type Provider from 'oidc-provider';
import { demoUser, serviceClientId as serviceClientIdFallback } from '../options';

export interface R2Principal {
  /** `updatedbyid` on writes: the user's account id or the service client's id. */
  id: string;
  name: string;
  /** Rate limits are per account; the sandbox has one R2 account (tenant). */
  account: string;
}

export async function authenticateBearer(
  provider: Provider,
  authorization: string | undefined,
): Promise<R2Principal | undefined> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const token = match[1];
  const userToken = await provider.AccessToken.find(token);
  if (userToken && !userToken.isExpired && userToken.accountId) {
    const name = userToken.accountId === demoUser.accountId ? demoUser.name : userToken.accountId;
    return { id: userToken.accountId, name, account: 'r2-demo' };
  }
  const serviceToken = await provider.ClientCredentials.find(token);
  if (serviceToken && !serviceToken.isExpired) {
    return {
      id: serviceToken.clientId ?? serviceClientIdFallback,
      name: 'Service account',
      account: 'r2-demo',
    };
  }
  return undefined;
}
