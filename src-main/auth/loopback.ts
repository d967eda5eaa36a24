// Loopback detection for the auth code: the one definition lives in src-shared/net so the
// connection schema, sign-in and the HTTP clients can never disagree.
export { isLoopbackUrl, isAllowedApiUrl as isAllowedAuthUrl } from '../../src-shared/net/loopback';
