// The faults of the run (docs/sync.md#sync-under-faults), on the customer endpoints of both APIs
// only: OAuth and the lookups stay clean, because a failing token endpoint would sign the user out
// rather than test the sync. The one forced token expiry is separate (main's single-flight refresh
// absorbs it).
import type { FaultRule } from '../../sandbox/index';

const customerEndpoints = ['/api/v2/customer', '/r2/customers'];

export const runFaults: FaultRule[] = customerEndpoints.flatMap((path): FaultRule[] => [
  // ≈ 10 % 5xx in the three shapes real gateways send.
  { kind: 'status', status: 500, probability: 0.04, path },
  { kind: 'status', status: 502, probability: 0.03, path },
  { kind: 'status', status: 503, probability: 0.03, path },
  // Committed, then the connection drops: the outcome is unknown to the client.
  { kind: 'lost', probability: 0.05, path },
  // Reset before the server does anything.
  { kind: 'reset', probability: 0.05, path },
  { kind: 'latency', minMs: 0, maxMs: 500, path },
]);

export const expireTokens: FaultRule = { kind: 'expire-tokens' };
