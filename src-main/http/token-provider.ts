// What the HTTP client needs from auth: the current access token and a way to replace one the
// server rejected. Auth (src-main/auth) implements it per connection, single-flight included.
import type { Result } from '../../src-shared/ipc/result';

export interface TokenProvider {
  accessToken(): Promise<Result<string>>;
  /** Called once after a 401 with the token that was rejected; answers a fresh one or why not. */
  refreshAfterUnauthorized(rejected: string): Promise<Result<string>>;
}
